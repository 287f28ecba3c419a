-- ==== up ====
-- add value 'calm' to enum mood
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'));

-- ==== down ====
-- refuse to drop value 'calm' of enum mood while rows of people.mood hold it
SELECT 'sluice:enum-value-in-use' AS guard, 'people' AS table_name, 'mood' AS column_name, 'calm' AS label, COUNT(*) AS row_count FROM "people" WHERE "mood" = 'calm';

-- refuse to drop value 'calm' of enum mood while rows of visits.mood hold it
SELECT 'sluice:enum-value-in-use' AS guard, 'visits' AS table_name, 'mood' AS column_name, 'calm' AS label, COUNT(*) AS row_count FROM "visits" WHERE "mood" = 'calm';

-- drop value 'calm' from enum mood
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
