-- ==== up ====
-- create table users
IF OBJECT_ID(N'users', N'U') IS NULL CREATE TABLE [users] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [full_name] NVARCHAR(256),
  CONSTRAINT [users_pkey] PRIMARY KEY ([id])
);

-- create table auth_otp
IF OBJECT_ID(N'auth_otp', N'U') IS NULL CREATE TABLE [auth_otp] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [phone] NVARCHAR(256),
  [user_id] INT,
  CONSTRAINT [auth_otp_pkey] PRIMARY KEY ([id])
);

-- add foreign key auth_otp_user_id_fkey on auth_otp
ALTER TABLE [auth_otp] ADD CONSTRAINT [auth_otp_user_id_fkey] FOREIGN KEY ([user_id]) REFERENCES [users] ([id]);

-- add index users_full_name_index on users
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'users_full_name_index' AND object_id = OBJECT_ID(N'users')) CREATE INDEX [users_full_name_index] ON [users] ([full_name]);

-- ==== down ====
-- drop table auth_otp
DROP TABLE IF EXISTS [auth_otp];

-- drop table users
DROP TABLE IF EXISTS [users];
