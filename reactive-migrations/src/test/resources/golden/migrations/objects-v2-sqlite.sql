-- ==== up ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to rebuild items while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'items' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items';

-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- drop column items.total
-- add column items.total
CREATE TABLE "__sluice_new_items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "items.name: at most 50 characters" CHECK (length("name") <= 50),
  "color" TEXT NOT NULL CONSTRAINT "items.color: at most 20 characters" CHECK (length("color") <= 20),
  "price" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL,
  "label" TEXT GENERATED ALWAYS AS (("name" || "color")) STORED CONSTRAINT "items.label: at most 80 characters" CHECK (length("label") <= 80),
  "total" INTEGER GENERATED ALWAYS AS (price * qty * 2) STORED
);
INSERT INTO "__sluice_new_items" ("id", "name", "color", "price", "qty") SELECT "id", "name", "color", "price", "qty" FROM "items";
DROP TABLE "items";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_items" RENAME TO "items";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("items");

-- add column items.note
ALTER TABLE "items" ADD COLUMN "note" TEXT CONSTRAINT "items.note: at most 50 characters" CHECK (length("note") <= 50);

-- create view cheap_items
DROP VIEW IF EXISTS "cheap_items";
CREATE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 20;

-- create view item_labels
DROP VIEW IF EXISTS "item_labels";
CREATE VIEW "item_labels" ("label") AS SELECT "label" FROM "cheap_items";

-- ==== down ====
-- SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),
-- then PRAGMA foreign_key_check must return no row.

-- refuse to rebuild items while it has triggers (the rebuild would drop them)
SELECT 'sluice:rebuild-drops-triggers' AS guard, 'items' AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items';

-- drop view item_labels
DROP VIEW IF EXISTS "item_labels";

-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- drop column items.note
-- drop column items.total
-- add column items.total
CREATE TABLE "__sluice_new_items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL CONSTRAINT "items.name: at most 50 characters" CHECK (length("name") <= 50),
  "color" TEXT NOT NULL CONSTRAINT "items.color: at most 20 characters" CHECK (length("color") <= 20),
  "price" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL,
  "label" TEXT GENERATED ALWAYS AS (("name" || "color")) STORED CONSTRAINT "items.label: at most 80 characters" CHECK (length("label") <= 80),
  "total" INTEGER GENERATED ALWAYS AS (price * qty) STORED
);
INSERT INTO "__sluice_new_items" ("id", "name", "color", "price", "qty") SELECT "id", "name", "color", "price", "qty" FROM "items";
DROP TABLE "items";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__sluice_new_items" RENAME TO "items";
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check("items");

-- create view cheap_items
DROP VIEW IF EXISTS "cheap_items";
CREATE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 10;
