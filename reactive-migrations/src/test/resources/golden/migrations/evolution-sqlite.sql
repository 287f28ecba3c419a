-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to rebuild people while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'people' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people';

-- refuse to rebuild tags while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'tags' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tags';

-- add value 'calm' to enum mood
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT CONSTRAINT "people.full_name: at most 100 characters" CHECK (length("full_name") <= 100),
  "team_id" INTEGER,
  "age" INTEGER,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "people.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "people_nickname_key" UNIQUE ("nickname"),
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "people_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_people" ("id", "full_name", "team_id", "age", "mood", "nickname") SELECT "id", "full_name", "team_id", "age", "mood", "nickname" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");
PRAGMA foreign_key_check("people");

-- drop foreign key people_team_id_fkey on people
-- drop unique people_nickname_key on people
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT CONSTRAINT "people.full_name: at most 100 characters" CHECK (length("full_name") <= 100),
  "team_id" INTEGER,
  "age" INTEGER,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "people.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'))
);
INSERT INTO "__sluice_new_people" ("id", "full_name", "team_id", "age", "mood", "nickname") SELECT "id", "full_name", "team_id", "age", "mood", "nickname" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");
PRAGMA foreign_key_check("people");

-- drop index people_age_index on people
DROP INDEX IF EXISTS "people_age_index";

-- rename table people to users
ALTER TABLE "people" RENAME TO "users";

-- rename column users.full_name to name
ALTER TABLE "users" RENAME COLUMN "full_name" TO "name";

-- drop table scratch
DROP TABLE IF EXISTS "scratch";

-- alter primary key of tags [person_id] -> [person_id, tag]
CREATE TABLE "__sluice_new_tags" (
  "person_id" INTEGER NOT NULL,
  "tag" TEXT NOT NULL CONSTRAINT "tags.tag: at most 30 characters" CHECK (length("tag") <= 30),
  PRIMARY KEY ("person_id", "tag")
);
INSERT INTO "__sluice_new_tags" ("person_id", "tag") SELECT "person_id", "tag" FROM "tags";
DROP TABLE "tags";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_tags" RENAME TO "tags";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("tags");

-- alter column users.name type VARCHAR(100) -> VARCHAR(200)
-- alter column users.name set not null
-- alter column users.age type SMALLINT -> INTEGER
-- alter column users.age default null -> 18
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "users.name: at most 200 characters" CHECK (length("name") <= 200),
  "team_id" INTEGER,
  "age" INTEGER DEFAULT 18,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "users.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'))
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "nickname") SELECT "id", "name", "team_id", "age", "mood", "nickname" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("users");

-- add column users.active
ALTER TABLE "users" ADD COLUMN "active" INTEGER NOT NULL DEFAULT 1;

-- drop column users.nickname
-- add unique users_name_key on users
-- add check users_age_check on users
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "users.name: at most 200 characters" CHECK (length("name") <= 200),
  "team_id" INTEGER,
  "age" INTEGER DEFAULT 18,
  "mood" TEXT,
  "active" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "users_name_key" UNIQUE ("name"),
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "users_age_check" CHECK (age >= 0)
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "active") SELECT "id", "name", "team_id", "age", "mood", "active" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("users");

-- add index users_team_id_age_index on users
CREATE INDEX IF NOT EXISTS "users_team_id_age_index" ON "users" ("team_id", "age");

-- add foreign key users_team_id_fkey on users
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "users.name: at most 200 characters" CHECK (length("name") <= 200),
  "team_id" INTEGER,
  "age" INTEGER DEFAULT 18,
  "mood" TEXT,
  "active" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "users_name_key" UNIQUE ("name"),
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "users_age_check" CHECK (age >= 0),
  CONSTRAINT "users_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "active") SELECT "id", "name", "team_id", "age", "mood", "active" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "users_team_id_age_index" ON "users" ("team_id", "age");
PRAGMA foreign_key_check("users");

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to drop value 'calm' of enum mood while rows of users.mood hold it
SELECT 'sluice:enum-value-in-use' AS guard, 'users' AS table_name, 'mood' AS column_name, 'calm' AS label, COUNT(*) AS row_count FROM "users" WHERE "mood" = 'calm';

-- refuse to rebuild users while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'users' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'users';

-- refuse to rebuild tags while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'tags' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tags';

-- drop foreign key users_team_id_fkey on users
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "users.name: at most 200 characters" CHECK (length("name") <= 200),
  "team_id" INTEGER,
  "age" INTEGER DEFAULT 18,
  "mood" TEXT,
  "active" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "users_name_key" UNIQUE ("name"),
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "users_age_check" CHECK (age >= 0)
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "active") SELECT "id", "name", "team_id", "age", "mood", "active" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "users_team_id_age_index" ON "users" ("team_id", "age");
PRAGMA foreign_key_check("users");

-- drop index users_team_id_age_index on users
DROP INDEX IF EXISTS "users_team_id_age_index";

-- drop check users_age_check on users
-- drop unique users_name_key on users
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "users.name: at most 200 characters" CHECK (length("name") <= 200),
  "team_id" INTEGER,
  "age" INTEGER DEFAULT 18,
  "mood" TEXT,
  "active" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'))
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "active") SELECT "id", "name", "team_id", "age", "mood", "active" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("users");

-- add column users.nickname
-- DATA NOT RESTORED: dropping column users.nickname deletes its values; this step restores the shape only
ALTER TABLE "users" ADD COLUMN "nickname" TEXT CONSTRAINT "users.nickname: at most 20 characters" CHECK (length("nickname") <= 20);

-- drop column users.active
-- alter column users.age default 18 -> null
-- alter column users.age type INTEGER -> SMALLINT
-- alter column users.name drop not null
-- alter column users.name type VARCHAR(200) -> VARCHAR(100)
CREATE TABLE "__sluice_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT CONSTRAINT "users.name: at most 100 characters" CHECK (length("name") <= 100),
  "team_id" INTEGER,
  "age" INTEGER,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "users.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "users_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm'))
);
INSERT INTO "__sluice_new_users" ("id", "name", "team_id", "age", "mood", "nickname") SELECT "id", "name", "team_id", "age", "mood", "nickname" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("users");

-- alter primary key of tags [person_id, tag] -> [person_id]
CREATE TABLE "__sluice_new_tags" (
  "person_id" INTEGER PRIMARY KEY,
  "tag" TEXT NOT NULL CONSTRAINT "tags.tag: at most 30 characters" CHECK (length("tag") <= 30)
);
INSERT INTO "__sluice_new_tags" ("person_id", "tag") SELECT "person_id", "tag" FROM "tags";
DROP TABLE "tags";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_tags" RENAME TO "tags";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("tags");

-- create table scratch
-- DATA NOT RESTORED: dropping table scratch deletes its rows; this step restores the shape only
CREATE TABLE IF NOT EXISTS "scratch" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "note" TEXT
);

-- rename column users.name to full_name
ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";

-- rename table users to people
ALTER TABLE "users" RENAME TO "people";

-- add index people_age_index on people
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");

-- add unique people_nickname_key on people
-- add foreign key people_team_id_fkey on people
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT CONSTRAINT "people.full_name: at most 100 characters" CHECK (length("full_name") <= 100),
  "team_id" INTEGER,
  "age" INTEGER,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "people.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "people_nickname_key" UNIQUE ("nickname"),
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy', 'calm')),
  CONSTRAINT "people_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_people" ("id", "full_name", "team_id", "age", "mood", "nickname") SELECT "id", "full_name", "team_id", "age", "mood", "nickname" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");
PRAGMA foreign_key_check("people");

-- drop value 'calm' from enum mood
CREATE TABLE "__sluice_new_people" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT CONSTRAINT "people.full_name: at most 100 characters" CHECK (length("full_name") <= 100),
  "team_id" INTEGER,
  "age" INTEGER,
  "mood" TEXT,
  "nickname" TEXT CONSTRAINT "people.nickname: at most 20 characters" CHECK (length("nickname") <= 20),
  CONSTRAINT "people_nickname_key" UNIQUE ("nickname"),
  CONSTRAINT "people_mood_enum" CHECK ("mood" IN ('sad', 'happy')),
  CONSTRAINT "people_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);
INSERT INTO "__sluice_new_people" ("id", "full_name", "team_id", "age", "mood", "nickname") SELECT "id", "full_name", "team_id", "age", "mood", "nickname" FROM "people";
DROP TABLE "people";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_people" RENAME TO "people";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");
PRAGMA foreign_key_check("people");
