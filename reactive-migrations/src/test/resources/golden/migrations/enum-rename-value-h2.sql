-- ==== up ====
-- rename value 'happy' of enum mood to 'glad'
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
UPDATE "people" SET "mood" = 'glad' WHERE "mood" = 'happy';
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'glad'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
UPDATE "visits" SET "mood" = 'glad' WHERE "mood" = 'happy';
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'glad'));

-- ==== down ====
-- rename value 'glad' of enum mood to 'happy'
ALTER TABLE "people" DROP CONSTRAINT "people_mood_enum";
UPDATE "people" SET "mood" = 'happy' WHERE "mood" = 'glad';
ALTER TABLE "people" ADD CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
ALTER TABLE "visits" DROP CONSTRAINT "visits_mood_enum";
UPDATE "visits" SET "mood" = 'happy' WHERE "mood" = 'glad';
ALTER TABLE "visits" ADD CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy'));
