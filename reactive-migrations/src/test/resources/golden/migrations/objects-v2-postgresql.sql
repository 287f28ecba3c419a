-- ==== up ====
-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- add column events.actor
ALTER TABLE "audit"."events" ADD COLUMN IF NOT EXISTS "actor" character varying(50);

-- drop column items.total
ALTER TABLE "items" DROP COLUMN IF EXISTS "total";

-- add column items.total
ALTER TABLE "items" ADD COLUMN IF NOT EXISTS "total" INT GENERATED ALWAYS AS (price * qty * 2) STORED;

-- add column items.note
ALTER TABLE "items" ADD COLUMN IF NOT EXISTS "note" character varying(50);

-- create view cheap_items
CREATE OR REPLACE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 20;

-- create view item_labels
CREATE OR REPLACE VIEW "item_labels" ("label") AS SELECT "label" FROM "cheap_items";

-- ==== down ====
-- drop view item_labels
DROP VIEW IF EXISTS "item_labels";

-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- drop column items.note
ALTER TABLE "items" DROP COLUMN IF EXISTS "note";

-- drop column items.total
ALTER TABLE "items" DROP COLUMN IF EXISTS "total";

-- add column items.total
ALTER TABLE "items" ADD COLUMN IF NOT EXISTS "total" INT GENERATED ALWAYS AS (price * qty) STORED;

-- drop column events.actor
ALTER TABLE "audit"."events" DROP COLUMN IF EXISTS "actor";

-- create view cheap_items
CREATE OR REPLACE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 10;
