-- ==== up ====
-- rename value 'happy' of enum mood to 'glad'
ALTER TYPE "mood" RENAME VALUE 'happy' TO 'glad';

-- ==== down ====
-- rename value 'glad' of enum mood to 'happy'
ALTER TYPE "mood" RENAME VALUE 'glad' TO 'happy';
