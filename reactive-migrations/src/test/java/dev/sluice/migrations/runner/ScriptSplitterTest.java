package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  @Test
  void splitsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
    String script = """
        -- create table users; not a statement
        CREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; fine');
        /* block; comment */
        DO $$ BEGIN
         ALTER TABLE t ADD CONSTRAINT c CHECK (x <> ';');
        EXCEPTION
         WHEN duplicate_object THEN null;
        END $$;
        CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
        INSERT INTO `q;t` VALUES ($1);
        SELECT [x;y] FROM z;
        ;;
        """;
    assertThat(ScriptSplitter.split(script)).containsExactly(
        "CREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; fine')",
        "DO $$ BEGIN\n ALTER TABLE t ADD CONSTRAINT c CHECK (x <> ';');\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$",
        "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
        "INSERT INTO `q;t` VALUES ($1)",
        "SELECT [x;y] FROM z");
  }

  @Test
  void aMarkedStatementRunsOutsideTheTransactionAndTheMarkCoversOnlyThatOne() {
    String script = "-- add value 'calm' to enum mood\n-- sluice:outside-transaction\n"
        + "ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'calm';\nALTER TABLE t ADD COLUMN c \"mood\" DEFAULT 'calm';\n";
    assertThat(ScriptSplitter.splitMarked(script)).containsExactly(
        new ScriptSplitter.Statement("ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'calm'", true),
        new ScriptSplitter.Statement("ALTER TABLE t ADD COLUMN c \"mood\" DEFAULT 'calm'", false));
  }

  @Test
  void aScriptWithoutStatementsIsEmpty() {
    assertThat(ScriptSplitter.split("-- nothing\n\n/* here */\n")).isEmpty();
  }
}
