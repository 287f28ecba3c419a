-- ==== up ====
-- rename value 'happy' of enum mood to 'glad'
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'glad');
UPDATE `people` SET `mood` = 'glad' WHERE `mood` = 'happy';
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'glad');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'glad');
UPDATE `visits` SET `mood` = 'glad' WHERE `mood` = 'happy';
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'glad');

-- ==== down ====
-- rename value 'glad' of enum mood to 'happy'
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'glad', 'happy');
UPDATE `people` SET `mood` = 'happy' WHERE `mood` = 'glad';
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'glad', 'happy');
UPDATE `visits` SET `mood` = 'happy' WHERE `mood` = 'glad';
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy');
