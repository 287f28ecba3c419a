-- ==== up ====
-- add value 'calm' to enum mood
-- sluice:outside-transaction
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'calm';

-- ==== down ====
-- drop value 'calm' from enum mood
ALTER TYPE "mood" RENAME TO "mood__old";
CREATE TYPE "mood" AS ENUM ('sad', 'happy');
ALTER TABLE "people" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
ALTER TABLE "visits" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
DROP TYPE "mood__old";
