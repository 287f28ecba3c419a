package dev.sluice.migrations.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialects;
import org.junit.jupiter.api.Test;

/** A portable check's {@code length(} is T-SQL's {@code LEN(}, but not inside a string or a bracketed name. */
class SqlServerCheckSqlTest {
  private final SqlServerMigrationSql sql = (SqlServerMigrationSql) MigrationSql.forDialect(Dialects.named("sqlserver"));

  @Test
  void lengthIsLenOutsideStringsAndBracketedNames() {
    assertThat(sql.checkSql("length(name) > 0")).isEqualTo("LEN(name) > 0");
    assertThat(sql.checkSql("LENGTH (a) < length([b])")).isEqualTo("LEN(a) < LEN([b])");
    assertThat(sql.checkSql("[length(x)] = 'it''s length(y)' OR length(z) = 1"))
        .isEqualTo("[length(x)] = 'it''s length(y)' OR LEN(z) = 1");
    assertThat(sql.checkSql("strlength(a) = 1")).isEqualTo("strlength(a) = 1");
  }
}
