-- ==== up ====
-- drop value 'calm' from enum mood
ALTER TYPE "mood" RENAME TO "mood__old";
CREATE TYPE "mood" AS ENUM ('sad', 'happy');
ALTER TABLE "people" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
ALTER TABLE "visits" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
DROP TYPE "mood__old";

-- ==== down ====
-- add value 'calm' to enum mood
-- DATA NOT RESTORED: removing value 'calm' from enum mood fails while a row holds it; this step restores the shape only
-- sluice:outside-transaction
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'calm';
