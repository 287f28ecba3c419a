-- ==== up ====
-- create schema audit
IF SCHEMA_ID(N'audit') IS NULL EXEC(N'CREATE SCHEMA [audit]');

-- create table events
IF OBJECT_ID(N'audit.events', N'U') IS NULL CREATE TABLE [audit].[events] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [what] NVARCHAR(50) NOT NULL,
  CONSTRAINT [events_pkey] PRIMARY KEY ([id])
);

-- create table items
IF OBJECT_ID(N'items', N'U') IS NULL CREATE TABLE [items] (
  [id] INT IDENTITY(1,1) NOT NULL,
  [name] NVARCHAR(50) NOT NULL,
  [color] NVARCHAR(20) NOT NULL,
  [price] INT NOT NULL,
  [qty] INT NOT NULL,
  [label] AS (([name] + [color])) PERSISTED,
  [total] AS (price * qty) PERSISTED,
  CONSTRAINT [items_pkey] PRIMARY KEY ([id])
);

-- create view cheap_items
CREATE OR ALTER VIEW [cheap_items] ([id], [label], [total]) AS SELECT [id], [label], [total] FROM [items] WHERE [price] < 10;

-- ==== down ====
-- drop view cheap_items
DROP VIEW IF EXISTS [cheap_items];

-- drop table items
DROP TABLE IF EXISTS [items];

-- drop table events
DROP TABLE IF EXISTS [audit].[events];

-- drop schema audit
DROP SCHEMA IF EXISTS [audit];
