-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- create table users
CREATE TABLE IF NOT EXISTS "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "full_name" TEXT CONSTRAINT "users.full_name: at most 256 characters" CHECK (length("full_name") <= 256)
);
CREATE INDEX IF NOT EXISTS "users_full_name_index" ON "users" ("full_name");

-- create table auth_otp
CREATE TABLE IF NOT EXISTS "auth_otp" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "phone" TEXT CONSTRAINT "auth_otp.phone: at most 256 characters" CHECK (length("phone") <= 256),
  "user_id" INTEGER,
  CONSTRAINT "auth_otp_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
);

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- drop table auth_otp
DROP TABLE IF EXISTS "auth_otp";

-- drop table users
DROP TABLE IF EXISTS "users";
