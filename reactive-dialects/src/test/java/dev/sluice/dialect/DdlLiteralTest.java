package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.DataException;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Literals;

import org.junit.jupiter.api.Test;

/**
 * How each dialect writes values as DDL literals, for the dialects without a live database here
 * (SQL Server, Oracle, CockroachDB) and the forms the live ones depend on. {@code DdlLiteralContract}
 * proves on each live database that the values are stored exactly.
 */
class DdlLiteralTest {
  private static String ddl(String dialect, Table<?> table) {
    return String.join("\n;\n", Dialects.named(dialect).createTable(table));
  }

  @Test
  void sqlServerWritesUnicodeLiteralsAndSplitsABackslashBeforeALineBreak() {
    String s = ddl("sqlserver", Literals.STRING_DEFAULTS);
    assertThat(s).contains("[s0] NVARCHAR(100) DEFAULT N'it''s \\'' ); -- x'")
        .contains("[s9] NVARCHAR(100) DEFAULT (N'a\\' + N'\nb\\' + N'\r\nc')")
        .as("length( inside a string is not rewritten to LEN(").contains("N'length(x) [x] \"q\" `b`'");
    String t = ddl("sqlserver", Literals.TYPED_DEFAULTS);
    assertThat(t).contains("[flag] BIT DEFAULT 1").contains("[off] BIT DEFAULT 0")
        .contains("[payload] VARBINARY(MAX) DEFAULT 0x00275cff0a");
  }

  @Test
  void oracleWritesNumbersForBooleansAndHexToRawForBytes() {
    String t = ddl("oracle", Literals.TYPED_DEFAULTS);
    assertThat(t).contains("\"flag\" NUMBER(1) DEFAULT 1").contains("HEXTORAW(''00275cff0a'')");
  }

  @Test
  void postgresFamilyWritesBackslashesInEscapeStringsAndQuotesEnumBlocksWithAFreeTag() {
    for (String d : new String[] {"postgresql", "cockroachdb"}) {
      assertThat(ddl(d, Literals.STRING_DEFAULTS)).as(d).contains("DEFAULT E'it''s \\\\'' ); -- x'")
          .as("no backslash, no escape string").contains("DEFAULT '100% _under_ %_'");
      assertThat(ddl(d, Literals.TYPED_DEFAULTS)).as(d).contains("DEFAULT decode('00275cff0a', 'hex')");
    }
    String type = Dialects.named("postgresql").createTable(Literals.ENUM_DEFAULTS).get(0);
    assertThat(type).as("a label holds $$").startsWith("DO $sluice$ BEGIN").endsWith("END $sluice$")
        .contains("E'back\\\\slash'", "'50%_off $$'");
  }

  @Test
  void mysqlFamilyWritesBackslashesWithoutBackslashes() {
    for (String d : new String[] {"mysql", "mariadb"}) {
      assertThat(ddl(d, Literals.STRING_DEFAULTS)).as(d)
          .contains("`s0` VARCHAR(100) DEFAULT (CONCAT('it''s ', CHAR(92 USING utf8mb4), ''' ); -- x'))");
      assertThat(ddl(d, Literals.ENUM_DEFAULTS)).as(d).contains("X'6261636b5c736c617368'")
          .doesNotContain("\\");
    }
  }

  @Test
  void h2WritesSemicolonsEscapedSinceItsDriverSplitsStatementsAtThem() {
    assertThat(ddl("h2", Literals.STRING_DEFAULTS)).contains("DEFAULT U&'it''s \\\\'' )\\003B -- x'");
  }

  @Test
  void aNulIsRefusedWhereTextCannotHoldIt() {
    for (String d : new String[] {"postgresql", "cockroachdb", "sqlite", "sqlserver", "oracle"}) {
      assertThatThrownBy(() -> ddl(d, Literals.NUL_DEFAULT)).as(d).isInstanceOf(DataException.class)
          .hasMessageContaining("literal_nul.nul").hasMessageContaining("NUL")
          .satisfies(e -> assertThat(((DataException) e).column()).isEqualTo("nul"));
    }
  }
}
