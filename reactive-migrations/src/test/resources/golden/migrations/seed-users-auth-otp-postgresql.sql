-- ==== up ====
-- create table users
CREATE TABLE IF NOT EXISTS "users" (
  "id" SERIAL PRIMARY KEY,
  "full_name" character varying(256)
);

-- create table auth_otp
CREATE TABLE IF NOT EXISTS "auth_otp" (
  "id" SERIAL PRIMARY KEY,
  "phone" character varying(256),
  "user_id" INT
);

-- add foreign key auth_otp_user_id_fkey on auth_otp
DO $$ BEGIN
 ALTER TABLE "auth_otp" ADD CONSTRAINT "auth_otp_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id");
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

-- add index users_full_name_index on users
CREATE INDEX IF NOT EXISTS "users_full_name_index" ON "users" ("full_name");

-- ==== down ====
-- drop table auth_otp
DROP TABLE IF EXISTS "auth_otp";

-- drop table users
DROP TABLE IF EXISTS "users";
