-- ==== up ====
-- create schema audit
CREATE SCHEMA IF NOT EXISTS "audit";

-- create table events
CREATE TABLE IF NOT EXISTS "audit"."events" (
  "id" SERIAL PRIMARY KEY,
  "what" character varying(50) NOT NULL
);

-- create table items
CREATE TABLE IF NOT EXISTS "items" (
  "id" SERIAL PRIMARY KEY,
  "name" character varying(50) NOT NULL,
  "color" character varying(20) NOT NULL,
  "price" INT NOT NULL,
  "qty" INT NOT NULL,
  "label" character varying(80) GENERATED ALWAYS AS (("name" || "color")) STORED,
  "total" INT GENERATED ALWAYS AS (price * qty) STORED
);

-- create view cheap_items
CREATE OR REPLACE VIEW "cheap_items" ("id", "label", "total") AS SELECT "id", "label", "total" FROM "items" WHERE "price" < 10;

-- ==== down ====
-- drop view cheap_items
DROP VIEW IF EXISTS "cheap_items";

-- drop table items
DROP TABLE IF EXISTS "items";

-- drop table events
DROP TABLE IF EXISTS "audit"."events";

-- drop schema audit
DROP SCHEMA IF EXISTS "audit" RESTRICT;
