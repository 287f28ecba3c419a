-- ==== up ====
-- create table chat_groups
IF OBJECT_ID(N'chat_groups', N'U') IS NULL CREATE TABLE [chat_groups] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [name] NVARCHAR(256) NOT NULL,
  CONSTRAINT [chat_groups_pkey] PRIMARY KEY ([id]),
  CONSTRAINT [chat_groups_name_check] CHECK (LEN(name) > 0)
);

-- create table countries
IF OBJECT_ID(N'countries', N'U') IS NULL CREATE TABLE [countries] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [name] NVARCHAR(256) NOT NULL,
  CONSTRAINT [countries_pkey] PRIMARY KEY ([id])
);

-- create table cities
IF OBJECT_ID(N'cities', N'U') IS NULL CREATE TABLE [cities] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [name] NVARCHAR(256),
  [country_id] INT,
  [popularity] NVARCHAR(255),
  CONSTRAINT [cities_pkey] PRIMARY KEY ([id]),
  CONSTRAINT [cities_popularity_enum] CHECK ([popularity] IN ('unknown', 'known', 'popular'))
);

-- create table kitchens
IF OBJECT_ID(N'kitchens', N'U') IS NULL CREATE TABLE [kitchens] (
  [id] BIGINT IDENTITY(1,1) NOT NULL,
  [small] SMALLINT,
  [medium] INT,
  [big] BIGINT,
  [flag] BIT,
  [code] NCHAR(3),
  [body] NVARCHAR(MAX),
  [amount] DECIMAL(12, 2),
  [ratio] REAL,
  [score] FLOAT,
  [day] DATE,
  [clock] TIME,
  [stamp] DATETIME2,
  [stamp_tz] DATETIMEOFFSET,
  [uid] UNIQUEIDENTIFIER,
  [doc] NVARCHAR(MAX),
  [payload] VARBINARY(MAX),
  [popularity] NVARCHAR(255),
  [price] BIGINT,
  CONSTRAINT [kitchens_pkey] PRIMARY KEY ([id]),
  CONSTRAINT [kitchens_popularity_enum] CHECK ([popularity] IN ('unknown', 'known', 'popular'))
);

-- create table users
IF OBJECT_ID(N'users', N'U') IS NULL CREATE TABLE [users] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [full_name] NVARCHAR(256) NOT NULL,
  [phone] NVARCHAR(20),
  [email] NVARCHAR(256),
  [created_at] DATETIMEOFFSET CONSTRAINT [DF_users_created_at] DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT [users_pkey] PRIMARY KEY ([id]),
  CONSTRAINT [users_email_key] UNIQUE ([email])
);

-- create table memberships
IF OBJECT_ID(N'memberships', N'U') IS NULL CREATE TABLE [memberships] (
  [user_id] INT NOT NULL,
  [group_id] INT NOT NULL,
  CONSTRAINT [memberships_pkey] PRIMARY KEY ([user_id], [group_id])
);

-- add foreign key cities_country_id_fkey on cities
ALTER TABLE [cities] ADD CONSTRAINT [cities_country_id_fkey] FOREIGN KEY ([country_id]) REFERENCES [countries] ([id]);

-- add foreign key memberships_group_id_fkey on memberships
ALTER TABLE [memberships] ADD CONSTRAINT [memberships_group_id_fkey] FOREIGN KEY ([group_id]) REFERENCES [chat_groups] ([id]) ON DELETE CASCADE;

-- add foreign key memberships_user_id_fkey on memberships
ALTER TABLE [memberships] ADD CONSTRAINT [memberships_user_id_fkey] FOREIGN KEY ([user_id]) REFERENCES [users] ([id]) ON DELETE CASCADE;

-- add index countries_name_index on countries
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'countries_name_index' AND object_id = OBJECT_ID(N'countries')) CREATE UNIQUE INDEX [countries_name_index] ON [countries] ([name]);

-- add index users_full_name_index on users
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'users_full_name_index' AND object_id = OBJECT_ID(N'users')) CREATE INDEX [users_full_name_index] ON [users] ([full_name]);

-- ==== down ====
-- drop table memberships
DROP TABLE IF EXISTS [memberships];

-- drop table users
DROP TABLE IF EXISTS [users];

-- drop table kitchens
DROP TABLE IF EXISTS [kitchens];

-- drop table cities
DROP TABLE IF EXISTS [cities];

-- drop table countries
DROP TABLE IF EXISTS [countries];

-- drop table chat_groups
DROP TABLE IF EXISTS [chat_groups];
