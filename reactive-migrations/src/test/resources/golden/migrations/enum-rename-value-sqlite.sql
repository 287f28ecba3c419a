-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to rebuild people while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'people' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people';

-- refuse to rebuild visits while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'visits' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'visits';

-- rename value 'happy' of enum mood to 'glad'
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "people.name: at most 40 characters" CHECK (length("name") <= 40),
  "mood" TEXT,
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'glad'))
);
INSERT INTO "__sluice_new_people" ("id", "name", "mood") SELECT "id", "name", CASE "mood" WHEN 'happy' THEN 'glad' ELSE "mood" END FROM "people";
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
  CONSTRAINT "visits_mood_enum" CHECK ("mood" IN ('sad', 'glad')),
  CONSTRAINT "visits_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_visits" ("id", "person_id", "mood") SELECT "id", "person_id", CASE "mood" WHEN 'happy' THEN 'glad' ELSE "mood" END FROM "visits";
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

-- rename value 'glad' of enum mood to 'happy'
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "people.name: at most 40 characters" CHECK (length("name") <= 40),
  "mood" TEXT,
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy'))
);
INSERT INTO "__sluice_new_people" ("id", "name", "mood") SELECT "id", "name", CASE "mood" WHEN 'glad' THEN 'happy' ELSE "mood" END FROM "people";
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
INSERT INTO "__sluice_new_visits" ("id", "person_id", "mood") SELECT "id", "person_id", CASE "mood" WHEN 'glad' THEN 'happy' ELSE "mood" END FROM "visits";
DROP TABLE "visits";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_visits" RENAME TO "visits";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("visits");
