-- ==== up ====
-- create schema audit
CREATE SCHEMA IF NOT EXISTS `audit`;

-- create table events
CREATE TABLE IF NOT EXISTS `audit`.`events` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `what` VARCHAR(50) NOT NULL
);

-- create table items
CREATE TABLE IF NOT EXISTS `items` (
  `id` INT AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(50) NOT NULL,
  `color` VARCHAR(20) NOT NULL,
  `price` INT NOT NULL,
  `qty` INT NOT NULL,
  `label` VARCHAR(80) GENERATED ALWAYS AS (CONCAT(`name`, `color`)) STORED,
  `total` INT GENERATED ALWAYS AS (price * qty) STORED
);

-- create view cheap_items
CREATE OR REPLACE VIEW `cheap_items` (`id`, `label`, `total`) AS SELECT `id`, `label`, `total` FROM `items` WHERE `price` < 10;

-- ==== down ====
-- drop view cheap_items
DROP VIEW IF EXISTS `cheap_items`;

-- drop table items
DROP TABLE IF EXISTS `items`;

-- drop table events
DROP TABLE IF EXISTS `audit`.`events`;
