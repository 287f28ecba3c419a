-- ==== up ====
-- add value 'calm' to enum mood
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'));

-- ==== down ====
-- drop value 'calm' from enum mood
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
