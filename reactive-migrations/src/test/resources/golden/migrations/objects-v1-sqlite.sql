-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- create table items
CREATE TABLE IF NOT EXISTS "items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "items.name: at most 50 characters" CHECK (length("name") <= 50),
  "color" TEXT NOT NULL CONSTRAINT "items.color: at most 20 characters" CHECK (length("color") <= 20),
  "price" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL,
  "label" TEXT GENERATED ALWAYS AS (("name" || "color")) STORED CONSTRAINT "items.label: at most 80 characters" CHECK (length("label") <= 80),
  "total" INTEGER GENERATED ALWAYS AS (price * qty) STORED
);

-- create view cheap_items
DROP VIEW IF EXISTS "cheap_items";
CREATE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 10;

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- drop table items
DROP TABLE IF EXISTS "items";
