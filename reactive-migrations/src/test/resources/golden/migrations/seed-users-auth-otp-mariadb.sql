-- ==== up ====
-- create table users
CREATE TABLE IF NOT EXISTS `users` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `full_name` VARCHAR(256)
);

-- create table auth_otp
CREATE TABLE IF NOT EXISTS `auth_otp` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `phone` VARCHAR(256),
  `user_id` INT
);

-- add foreign key auth_otp_user_id_fkey on auth_otp
ALTER TABLE `auth_otp` ADD CONSTRAINT `auth_otp_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`);

-- add index users_full_name_index on users
CREATE INDEX IF NOT EXISTS `users_full_name_index` ON `users` (`full_name`);

-- ==== down ====
-- drop table auth_otp
DROP TABLE IF EXISTS `auth_otp`;

-- drop table users
DROP TABLE IF EXISTS `users`;
