-- ==== up ====
-- create enum popularity [unknown, known, popular]
DO $$ BEGIN
 CREATE TYPE "popularity" AS ENUM ('unknown', 'known', 'popular');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- create table chat_groups
CREATE TABLE IF NOT EXISTS "chat_groups" (
  "id" SERIAL PRIMARY KEY,
  "name" character varying(256) NOT NULL,
  CONSTRAINT "chat_groups_name_check" CHECK (length(name) > 0)
);

-- create table countries
CREATE TABLE IF NOT EXISTS "countries" (
  "id" SERIAL PRIMARY KEY,
  "name" character varying(256) NOT NULL
);

-- create table cities
CREATE TABLE IF NOT EXISTS "cities" (
  "id" SERIAL PRIMARY KEY,
  "name" character varying(256),
  "country_id" INT,
  "popularity" "popularity"
);

-- create table kitchens
CREATE TABLE IF NOT EXISTS "kitchens" (
  "id" BIGSERIAL PRIMARY KEY,
  "small" SMALLINT,
  "medium" INT,
  "big" BIGINT,
  "flag" boolean,
  "code" character(3),
  "body" text,
  "amount" numeric(12, 2),
  "ratio" real,
  "score" double precision,
  "day" date,
  "clock" time,
  "stamp" timestamp,
  "stamp_tz" timestamp with time zone,
  "uid" uuid,
  "doc" jsonb,
  "payload" bytea,
  "popularity" "popularity",
  "price" BIGINT
);

-- create table users
CREATE TABLE IF NOT EXISTS "users" (
  "id" SERIAL PRIMARY KEY,
  "full_name" character varying(256) NOT NULL,
  "phone" character varying(20),
  "email" character varying(256),
  "created_at" timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_email_key" UNIQUE ("email")
);

-- create table memberships
CREATE TABLE IF NOT EXISTS "memberships" (
  "user_id" INT NOT NULL,
  "group_id" INT NOT NULL,
  PRIMARY KEY ("user_id", "group_id")
);

-- add foreign key cities_country_id_fkey on cities
DO $$ BEGIN
 ALTER TABLE "cities" ADD CONSTRAINT "cities_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries" ("id");
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- add foreign key memberships_group_id_fkey on memberships
DO $$ BEGIN
 ALTER TABLE "memberships" ADD CONSTRAINT "memberships_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "chat_groups" ("id") ON DELETE CASCADE;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- add foreign key memberships_user_id_fkey on memberships
DO $$ BEGIN
 ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- add index countries_name_index on countries
CREATE UNIQUE INDEX IF NOT EXISTS "countries_name_index" ON "countries" ("name");

-- add index users_full_name_index on users
CREATE INDEX IF NOT EXISTS "users_full_name_index" ON "users" ("full_name");

-- ==== down ====
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

-- drop enum popularity
DROP TYPE IF EXISTS "popularity";
