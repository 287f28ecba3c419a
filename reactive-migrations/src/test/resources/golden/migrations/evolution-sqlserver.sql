-- ==== up ====
-- add value 'calm' to enum mood
ALTER TABLE [people] DROP CONSTRAINT [people_mood_enum];
ALTER TABLE [people] ADD CONSTRAINT [people_mood_enum] CHECK ([mood] IN ('sad', 'happy', 'calm'));

-- drop foreign key people_team_id_fkey on people
ALTER TABLE [people] DROP CONSTRAINT [people_team_id_fkey];

-- drop unique people_nickname_key on people
ALTER TABLE [people] DROP CONSTRAINT [people_nickname_key];

-- drop index people_age_index on people
DROP INDEX IF EXISTS [people_age_index] ON [people];

-- rename table people to users
EXEC sp_rename N'people', N'users';

-- rename column users.full_name to name
EXEC sp_rename N'users.full_name', N'name', N'COLUMN';

-- drop table scratch
DROP TABLE IF EXISTS [scratch];

-- alter primary key of tags [person_id] -> [person_id, tag]
ALTER TABLE [tags] DROP CONSTRAINT [tags_pkey];
ALTER TABLE [tags] ADD CONSTRAINT [tags_pkey] PRIMARY KEY ([person_id], [tag]);

-- alter column users.name type VARCHAR(100) -> VARCHAR(200)
ALTER TABLE [users] ALTER COLUMN [name] NVARCHAR(200) NULL;

-- alter column users.name set not null
ALTER TABLE [users] ALTER COLUMN [name] NVARCHAR(200) NOT NULL;

-- alter column users.age type SMALLINT -> INTEGER
ALTER TABLE [users] ALTER COLUMN [age] INT NULL;

-- alter column users.age default null -> 18
ALTER TABLE [users] ADD CONSTRAINT [DF_users_age] DEFAULT 18 FOR [age];

-- add column users.active
ALTER TABLE [users] ADD [active] BIT NOT NULL CONSTRAINT [DF_users_active] DEFAULT 1;

-- drop column users.nickname
ALTER TABLE [users] DROP COLUMN [nickname];

-- add unique users_name_key on users
ALTER TABLE [users] ADD CONSTRAINT [users_name_key] UNIQUE ([name]);

-- add check users_age_check on users
ALTER TABLE [users] ADD CONSTRAINT [users_age_check] CHECK (age >= 0);

-- add index users_team_id_age_index on users
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'users_team_id_age_index' AND object_id = OBJECT_ID(N'users')) CREATE INDEX [users_team_id_age_index] ON [users] ([team_id], [age]);

-- add foreign key users_team_id_fkey on users
ALTER TABLE [users] ADD CONSTRAINT [users_team_id_fkey] FOREIGN KEY ([team_id]) REFERENCES [teams] ([id]) ON DELETE SET NULL;

-- ==== down ====
-- drop foreign key users_team_id_fkey on users
ALTER TABLE [users] DROP CONSTRAINT [users_team_id_fkey];

-- drop index users_team_id_age_index on users
DROP INDEX IF EXISTS [users_team_id_age_index] ON [users];

-- drop check users_age_check on users
ALTER TABLE [users] DROP CONSTRAINT [users_age_check];

-- drop unique users_name_key on users
ALTER TABLE [users] DROP CONSTRAINT [users_name_key];

-- add column users.nickname
-- DATA NOT RESTORED: dropping column users.nickname deletes its values; this step restores the shape only
ALTER TABLE [users] ADD [nickname] NVARCHAR(20);

-- drop column users.active
ALTER TABLE [users] DROP COLUMN [active];

-- alter column users.age default 18 -> null
ALTER TABLE [users] DROP CONSTRAINT [DF_users_age];

-- alter column users.age type INTEGER -> SMALLINT
ALTER TABLE [users] ALTER COLUMN [age] SMALLINT NULL;

-- alter column users.name drop not null
ALTER TABLE [users] ALTER COLUMN [name] NVARCHAR(200) NULL;

-- alter column users.name type VARCHAR(200) -> VARCHAR(100)
ALTER TABLE [users] ALTER COLUMN [name] NVARCHAR(100) NULL;

-- alter primary key of tags [person_id, tag] -> [person_id]
ALTER TABLE [tags] DROP CONSTRAINT [tags_pkey];
ALTER TABLE [tags] ADD CONSTRAINT [tags_pkey] PRIMARY KEY ([person_id]);

-- create table scratch
-- DATA NOT RESTORED: dropping table scratch deletes its rows; this step restores the shape only
IF OBJECT_ID(N'scratch', N'U') IS NULL CREATE TABLE [scratch] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [note] NVARCHAR(MAX),
  CONSTRAINT [scratch_pkey] PRIMARY KEY ([id])
);

-- rename column users.name to full_name
EXEC sp_rename N'users.name', N'full_name', N'COLUMN';

-- rename table users to people
EXEC sp_rename N'users', N'people';

-- add index people_age_index on people
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'people_age_index' AND object_id = OBJECT_ID(N'people')) CREATE INDEX [people_age_index] ON [people] ([age]);

-- add unique people_nickname_key on people
ALTER TABLE [people] ADD CONSTRAINT [people_nickname_key] UNIQUE ([nickname]);

-- add foreign key people_team_id_fkey on people
ALTER TABLE [people] ADD CONSTRAINT [people_team_id_fkey] FOREIGN KEY ([team_id]) REFERENCES [teams] ([id]) ON DELETE CASCADE;

-- drop value 'calm' from enum mood
ALTER TABLE [people] DROP CONSTRAINT [people_mood_enum];
ALTER TABLE [people] ADD CONSTRAINT [people_mood_enum] CHECK ([mood] IN ('sad', 'happy'));
