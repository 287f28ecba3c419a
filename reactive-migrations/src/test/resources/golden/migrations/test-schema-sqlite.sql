-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- create table chat_groups
CREATE TABLE IF NOT EXISTS "chat_groups" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "chat_groups.name: at most 256 characters" CHECK (length("name") <= 256),
  CONSTRAINT "chat_groups_name_check" CHECK (length(name) > 0)
);

-- create table countries
CREATE TABLE IF NOT EXISTS "countries" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "countries.name: at most 256 characters" CHECK (length("name") <= 256)
);
CREATE UNIQUE INDEX IF NOT EXISTS "countries_name_index" ON "countries" ("name");

-- create table cities
CREATE TABLE IF NOT EXISTS "cities" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT CONSTRAINT "cities.name: at most 256 characters" CHECK (length("name") <= 256),
  "country_id" INTEGER,
  "popularity" TEXT,
  CONSTRAINT "cities_popularity_enum" CHECK ("popularity" IN ('unknown', 'known', 'popular')),
  CONSTRAINT "cities_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries" ("id")
);

-- create table kitchens
CREATE TABLE IF NOT EXISTS "kitchens" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "small" INTEGER,
  "medium" INTEGER,
  "big" BIGINT,
  "flag" INTEGER,
  "code" TEXT CONSTRAINT "kitchens.code: at most 3 characters" CHECK (length("code") <= 3),
  "body" TEXT,
  "amount" DECIMAL_TEXT(12, 2) COLLATE DECIMAL CONSTRAINT "kitchens.amount: at most 10 digits before the point" CHECK (typeof("amount") <> 'text' OR length(ltrim(substr("amount", 1, instr("amount" || '.', '.') - 1), '-+0')) <= 10),
  "ratio" REAL,
  "score" REAL,
  "day" TEXT,
  "clock" TEXT,
  "stamp" TEXT,
  "stamp_tz" TEXT,
  "uid" TEXT,
  "doc" TEXT,
  "payload" BLOB,
  "popularity" TEXT,
  "price" BIGINT,
  CONSTRAINT "kitchens_popularity_enum" CHECK ("popularity" IN ('unknown', 'known', 'popular'))
);

-- create table users
CREATE TABLE IF NOT EXISTS "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT NOT NULL CONSTRAINT "users.full_name: at most 256 characters" CHECK (length("full_name") <= 256),
  "phone" TEXT CONSTRAINT "users.phone: at most 20 characters" CHECK (length("phone") <= 20),
  "email" TEXT CONSTRAINT "users.email: at most 256 characters" CHECK (length("email") <= 256),
  "created_at" TEXT DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_email_key" UNIQUE ("email")
);
CREATE INDEX IF NOT EXISTS "users_full_name_index" ON "users" ("full_name");

-- create table memberships
CREATE TABLE IF NOT EXISTS "memberships" (
  "user_id" INTEGER NOT NULL,
  "group_id" INTEGER NOT NULL,
  PRIMARY KEY ("user_id", "group_id"),
  CONSTRAINT "memberships_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "chat_groups" ("id") ON DELETE CASCADE,
  CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- drop table memberships
DROP TABLE IF EXISTS "memberships";

-- drop table users
DROP TABLE IF EXISTS "users";

-- drop table kitchens
DROP TABLE IF EXISTS "kitchens";

-- drop table cities
DROP TABLE IF EXISTS "cities";

-- drop table countries
DROP TABLE IF EXISTS "countries";

-- drop table chat_groups
DROP TABLE IF EXISTS "chat_groups";
