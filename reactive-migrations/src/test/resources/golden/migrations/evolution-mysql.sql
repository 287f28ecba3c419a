-- ==== up ====
-- add value 'calm' to enum mood
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'calm');

-- drop foreign key people_team_id_fkey on people
ALTER TABLE `people` DROP FOREIGN KEY `people_team_id_fkey`;

-- drop unique people_nickname_key on people
ALTER TABLE `people` DROP INDEX `people_nickname_key`;

-- drop index people_age_index on people
DROP INDEX `people_age_index` ON `people`;

-- rename table people to users
RENAME TABLE `people` TO `users`;

-- rename column users.full_name to name
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;

-- drop table scratch
DROP TABLE IF EXISTS `scratch`;

-- alter primary key of tags [person_id] -> [person_id, tag]
ALTER TABLE `tags` DROP PRIMARY KEY;
ALTER TABLE `tags` ADD PRIMARY KEY (`person_id`, `tag`);

-- alter column users.name type VARCHAR(100) -> VARCHAR(200)
ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(200);

-- alter column users.name set not null
ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(200) NOT NULL;

-- alter column users.age type SMALLINT -> INTEGER
ALTER TABLE `users` MODIFY COLUMN `age` INT;

-- alter column users.age default null -> 18
ALTER TABLE `users` MODIFY COLUMN `age` INT DEFAULT 18;

-- add column users.active
ALTER TABLE `users` ADD COLUMN `active` BOOLEAN NOT NULL DEFAULT TRUE;

-- drop column users.nickname
ALTER TABLE `users` DROP COLUMN `nickname`;

-- add unique users_name_key on users
ALTER TABLE `users` ADD CONSTRAINT `users_name_key` UNIQUE (`name`);

-- add check users_age_check on users
ALTER TABLE `users` ADD CONSTRAINT `users_age_check` CHECK (age >= 0);

-- add index users_team_id_age_index on users
CREATE INDEX `users_team_id_age_index` ON `users` (`team_id`, `age`);

-- add foreign key users_team_id_fkey on users
ALTER TABLE `users` ADD CONSTRAINT `users_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE SET NULL;

-- ==== down ====
-- drop foreign key users_team_id_fkey on users
ALTER TABLE `users` DROP FOREIGN KEY `users_team_id_fkey`;

-- drop index users_team_id_age_index on users
DROP INDEX `users_team_id_age_index` ON `users`;

-- drop check users_age_check on users
ALTER TABLE `users` DROP CHECK `users_age_check`;

-- drop unique users_name_key on users
ALTER TABLE `users` DROP INDEX `users_name_key`;

-- add column users.nickname
-- DATA NOT RESTORED: dropping column users.nickname deletes its values; this step restores the shape only
ALTER TABLE `users` ADD COLUMN `nickname` VARCHAR(20);

-- drop column users.active
ALTER TABLE `users` DROP COLUMN `active`;

-- alter column users.age default 18 -> null
ALTER TABLE `users` MODIFY COLUMN `age` INT;

-- alter column users.age type INTEGER -> SMALLINT
ALTER TABLE `users` MODIFY COLUMN `age` SMALLINT;

-- alter column users.name drop not null
ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(200);

-- alter column users.name type VARCHAR(200) -> VARCHAR(100)
ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(100);

-- alter primary key of tags [person_id, tag] -> [person_id]
ALTER TABLE `tags` DROP PRIMARY KEY;
ALTER TABLE `tags` ADD PRIMARY KEY (`person_id`);

-- create table scratch
-- DATA NOT RESTORED: dropping table scratch deletes its rows; this step restores the shape only
CREATE TABLE IF NOT EXISTS `scratch` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `note` LONGTEXT
);

-- rename column users.name to full_name
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;

-- rename table users to people
RENAME TABLE `users` TO `people`;

-- add index people_age_index on people
CREATE INDEX `people_age_index` ON `people` (`age`);

-- add unique people_nickname_key on people
ALTER TABLE `people` ADD CONSTRAINT `people_nickname_key` UNIQUE (`nickname`);

-- add foreign key people_team_id_fkey on people
ALTER TABLE `people` ADD CONSTRAINT `people_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE CASCADE;

-- drop value 'calm' from enum mood
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy');
