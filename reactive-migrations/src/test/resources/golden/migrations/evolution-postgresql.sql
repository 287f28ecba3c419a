-- ==== up ====
-- add value 'calm' to enum mood
-- sluice:outside-transaction
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'calm';

-- drop foreign key people_team_id_fkey on people
ALTER TABLE "people" DROP CONSTRAINT IF EXISTS "people_team_id_fkey";

-- drop unique people_nickname_key on people
ALTER TABLE "people" DROP CONSTRAINT IF EXISTS "people_nickname_key";

-- drop index people_age_index on people
DROP INDEX IF EXISTS "people_age_index";

-- rename table people to users
ALTER TABLE "people" RENAME TO "users";

-- rename column users.full_name to name
ALTER TABLE "users" RENAME COLUMN "full_name" TO "name";

-- drop table scratch
DROP TABLE IF EXISTS "scratch";

-- alter primary key of tags [person_id] -> [person_id, tag]
ALTER TABLE "tags" DROP CONSTRAINT IF EXISTS "tags_pkey";
ALTER TABLE "tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY ("person_id", "tag");

-- alter column users.name type VARCHAR(100) -> VARCHAR(200)
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(200) USING "name"::character varying(200);

-- alter column users.name set not null
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

-- alter column users.age type SMALLINT -> INTEGER
ALTER TABLE "users" ALTER COLUMN "age" TYPE INT USING "age"::INT;

-- alter column users.age default null -> 18
ALTER TABLE "users" ALTER COLUMN "age" SET DEFAULT 18;

-- add column users.active
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "active" boolean NOT NULL DEFAULT TRUE;

-- drop column users.nickname
ALTER TABLE "users" DROP COLUMN IF EXISTS "nickname";

-- add unique users_name_key on users
DO $$ BEGIN
 ALTER TABLE "users" ADD CONSTRAINT "users_name_key" UNIQUE ("name");
EXCEPTION
 WHEN duplicate_object OR duplicate_table THEN null;
END $$;

-- add check users_age_check on users
DO $$ BEGIN
 ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK (age >= 0);
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- add index users_team_id_age_index on users
CREATE INDEX IF NOT EXISTS "users_team_id_age_index" ON "users" ("team_id", "age");

-- add foreign key users_team_id_fkey on users
DO $$ BEGIN
 ALTER TABLE "users" ADD CONSTRAINT "users_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- ==== down ====
-- drop foreign key users_team_id_fkey on users
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_team_id_fkey";

-- drop index users_team_id_age_index on users
DROP INDEX IF EXISTS "users_team_id_age_index";

-- drop check users_age_check on users
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_check";

-- drop unique users_name_key on users
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_name_key";

-- add column users.nickname
-- DATA NOT RESTORED: dropping column users.nickname deletes its values; this step restores the shape only
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "nickname" character varying(20);

-- drop column users.active
ALTER TABLE "users" DROP COLUMN IF EXISTS "active";

-- alter column users.age default 18 -> null
ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT;

-- alter column users.age type INTEGER -> SMALLINT
ALTER TABLE "users" ALTER COLUMN "age" TYPE SMALLINT USING "age"::SMALLINT;

-- alter column users.name drop not null
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

-- alter column users.name type VARCHAR(200) -> VARCHAR(100)
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(100) USING "name"::character varying(100);

-- alter primary key of tags [person_id, tag] -> [person_id]
ALTER TABLE "tags" DROP CONSTRAINT IF EXISTS "tags_pkey";
ALTER TABLE "tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY ("person_id");

-- create table scratch
-- DATA NOT RESTORED: dropping table scratch deletes its rows; this step restores the shape only
CREATE TABLE IF NOT EXISTS "scratch" (
  "id" SERIAL PRIMARY KEY,
  "note" text
);

-- rename column users.name to full_name
ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";

-- rename table users to people
ALTER TABLE "users" RENAME TO "people";

-- add index people_age_index on people
CREATE INDEX IF NOT EXISTS "people_age_index" ON "people" ("age");

-- add unique people_nickname_key on people
DO $$ BEGIN
 ALTER TABLE "people" ADD CONSTRAINT "people_nickname_key" UNIQUE ("nickname");
EXCEPTION
 WHEN duplicate_object OR duplicate_table THEN null;
END $$;

-- add foreign key people_team_id_fkey on people
DO $$ BEGIN
 ALTER TABLE "people" ADD CONSTRAINT "people_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- drop value 'calm' from enum mood
ALTER TYPE "mood" RENAME TO "mood__old";
CREATE TYPE "mood" AS ENUM ('sad', 'happy');
ALTER TABLE "people" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
DROP TYPE "mood__old";
