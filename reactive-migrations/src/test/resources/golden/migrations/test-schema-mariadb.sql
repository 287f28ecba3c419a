-- ==== up ====
-- create table chat_groups
CREATE TABLE IF NOT EXISTS `chat_groups` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(256) NOT NULL,
  CONSTRAINT `chat_groups_name_check` CHECK (length(name) > 0)
);

-- create table countries
CREATE TABLE IF NOT EXISTS `countries` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(256) NOT NULL
);

-- create table cities
CREATE TABLE IF NOT EXISTS `cities` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(256),
  `country_id` INT,
  `popularity` ENUM('unknown', 'known', 'popular')
);

-- create table kitchens
CREATE TABLE IF NOT EXISTS `kitchens` (
  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,
  `small` SMALLINT,
  `medium` INT,
  `big` BIGINT,
  `flag` BOOLEAN,
  `code` CHAR(3),
  `body` LONGTEXT,
  `amount` DECIMAL(12, 2),
  `ratio` DOUBLE,
  `score` DOUBLE,
  `day` DATE,
  `clock` TIME(6),
  `stamp` DATETIME(6),
  `stamp_tz` DATETIME(6),
  `uid` UUID,
  `doc` JSON,
  `payload` LONGBLOB,
  `popularity` ENUM('unknown', 'known', 'popular'),
  `price` BIGINT
);

-- create table users
CREATE TABLE IF NOT EXISTS `users` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `full_name` VARCHAR(256) NOT NULL,
  `phone` VARCHAR(20),
  `email` VARCHAR(256),
  `created_at` DATETIME(6) DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `users_email_key` UNIQUE (`email`)
);

-- create table memberships
CREATE TABLE IF NOT EXISTS `memberships` (
  `user_id` INT NOT NULL,
  `group_id` INT NOT NULL,
  PRIMARY KEY (`user_id`, `group_id`)
);

-- add foreign key cities_country_id_fkey on cities
ALTER TABLE `cities` ADD CONSTRAINT `cities_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `countries` (`id`);

-- add foreign key memberships_group_id_fkey on memberships
ALTER TABLE `memberships` ADD CONSTRAINT `memberships_group_id_fkey` FOREIGN KEY (`group_id`) REFERENCES `chat_groups` (`id`) ON DELETE CASCADE;

-- add foreign key memberships_user_id_fkey on memberships
ALTER TABLE `memberships` ADD CONSTRAINT `memberships_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;

-- add index countries_name_index on countries
CREATE UNIQUE INDEX IF NOT EXISTS `countries_name_index` ON `countries` (`name`);

-- add index users_full_name_index on users
CREATE INDEX IF NOT EXISTS `users_full_name_index` ON `users` (`full_name`);

-- ==== down ====
-- drop table memberships
DROP TABLE IF EXISTS `memberships`;

-- drop table users
DROP TABLE IF EXISTS `users`;

-- drop table kitchens
DROP TABLE IF EXISTS `kitchens`;

-- drop table cities
DROP TABLE IF EXISTS `cities`;

-- drop table countries
DROP TABLE IF EXISTS `countries`;

-- drop table chat_groups
DROP TABLE IF EXISTS `chat_groups`;
