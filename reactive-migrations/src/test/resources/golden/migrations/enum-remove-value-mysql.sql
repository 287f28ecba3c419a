-- ==== up ====
-- drop value 'calm' from enum mood
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy');

-- ==== down ====
-- add value 'calm' to enum mood
-- DATA NOT RESTORED: removing value 'calm' from enum mood fails while a row holds it; this step restores the shape only
ALTER TABLE `people` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'calm');
ALTER TABLE `visits` MODIFY COLUMN `mood` ENUM('sad', 'happy', 'calm');
