-- ==== up ====
-- add value 'calm' to enum mood
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'calm');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'calm');

-- ==== down ====
-- drop value 'calm' from enum mood
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy');
