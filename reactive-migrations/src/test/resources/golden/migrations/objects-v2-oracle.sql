-- ==== up ====
-- drop view cheap_items
DROP VIEW "cheap_items";

-- add column events.actor
ALTER TABLE "audit"."events" ADD ("actor" VARCHAR2(50));

-- drop column items.total
ALTER TABLE "items" DROP COLUMN "total";

-- add column items.total
ALTER TABLE "items" ADD ("total" NUMBER(10));

-- add column items.note
ALTER TABLE "items" ADD ("note" VARCHAR2(50));

-- create view cheap_items
CREATE OR REPLACE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 20;

-- create view item_labels
CREATE OR REPLACE VIEW "item_labels" ("label") AS SELECT "label" FROM "cheap_items";

-- ==== down ====
-- drop view item_labels
DROP VIEW "item_labels";

-- drop view cheap_items
DROP VIEW "cheap_items";

-- drop column items.note
ALTER TABLE "items" DROP COLUMN "note";

-- drop column items.total
ALTER TABLE "items" DROP COLUMN "total";

-- add column items.total
ALTER TABLE "items" ADD ("total" NUMBER(10));

-- drop column events.actor
ALTER TABLE "audit"."events" DROP COLUMN "actor";

-- create view cheap_items
CREATE OR REPLACE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 10;
