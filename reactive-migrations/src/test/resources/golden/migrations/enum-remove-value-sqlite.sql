-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to drop value 'calm' of enum mood while rows of people.mood hold it
SELECT 'sluice:enum-value-in-use' AS guard, 'people' AS table_name, 'mood' AS column_name, 'calm' AS label, COUNT(*) AS row_count FROM "people" WHERE "mood" = 'calm';

-- refuse to drop value 'calm' of enum mood while rows of visits.mood hold it
SELECT 'sluice:enum-value-in-use' AS guard, 'visits' AS table_name, 'mood' AS column_name, 'calm' AS label, COUNT(*) AS row_count FROM "visits" WHERE "mood" = 'calm';

-- refuse to rebuild people while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'people' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people';

-- refuse to rebuild visits while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'visits' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'visits';

-- drop value 'calm' from enum mood
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "people.name: at most 40 characters" CHECK (length("name") <= 40),
  "mood" TEXT,
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy'))
);
INSERT INTO "__sluice_new_people" ("id", "name", "mood") SELECT "id", "name", "mood" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_mood_index" ON "people" ("mood");
PRAGMA foreign_key_check("people");
CREATE TABLE "__sluice_new_visits" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "person_id" INTEGER NOT NULL,
  "mood" TEXT,
  CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy')),
  CONSTRAINT "visits_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_visits" ("id", "person_id", "mood") SELECT "id", "person_id", "mood" FROM "visits";
DROP TABLE "visits";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_visits" RENAME TO "visits";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("visits");

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to rebuild people while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'people' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people';

-- refuse to rebuild visits while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'visits' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'visits';

-- add value 'calm' to enum mood
-- DATA NOT RESTORED: removing value 'calm' from enum mood fails while a row holds it; this step restores the shape only
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "people.name: at most 40 characters" CHECK (length("name") <= 40),
  "mood" TEXT,
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'))
);
INSERT INTO "__sluice_new_people" ("id", "name", "mood") SELECT "id", "name", "mood" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_mood_index" ON "people" ("mood");
PRAGMA foreign_key_check("people");
CREATE TABLE "__sluice_new_visits" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "person_id" INTEGER NOT NULL,
  "mood" TEXT,
  CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "visits_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_visits" ("id", "person_id", "mood") SELECT "id", "person_id", "mood" FROM "visits";
DROP TABLE "visits";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_visits" RENAME TO "visits";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("visits");
