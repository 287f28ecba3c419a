-- ==== up ====
-- drop value 'calm' from enum mood
ALTER TABLE [people] DROP CONSTRAINT [people_mood_enum];
ALTER TABLE [people] ADD CONSTRAINT [people_mood_enum] CHECK ([mood] IN ('sad', 'happy'));
ALTER TABLE [visits] DROP CONSTRAINT [visits_mood_enum];
ALTER TABLE [visits] ADD CONSTRAINT [visits_mood_enum] CHECK ([mood] IN ('sad', 'happy'));

-- ==== down ====
-- add value 'calm' to enum mood
-- DATA NOT RESTORED: removing value 'calm' from enum mood fails while a row holds it; this step restores the shape only
ALTER TABLE [people] DROP CONSTRAINT [people_mood_enum];
ALTER TABLE [people] ADD CONSTRAINT [people_mood_enum] CHECK ([mood] IN ('sad', 'happy', 'calm'));
ALTER TABLE [visits] DROP CONSTRAINT [visits_mood_enum];
ALTER TABLE [visits] ADD CONSTRAINT [visits_mood_enum] CHECK ([mood] IN ('sad', 'happy', 'calm'));
