package dev.sluice.dialect.mssql;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.CompatibilityModeSupport;
import dev.sluice.query.Order;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.spi.RenderContext;
import dev.sluice.testing.City;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server dialect's SQL executed by H2 in {@code MODE=MSSQLServer}: DDL, inserts, the whole
 * catalogue, paging with {@code TOP} and {@code OFFSET/FETCH}, the NULLS ordering emulation, {@code LEN}
 * and {@code +} concatenation. Not a SQL Server: it proves the SQL parses and means what it should
 * wherever H2 follows T-SQL. Two test-only changes, since H2 cannot parse them: markers are {@code $n}
 * (H2 rejects {@code @P0}), and the T-SQL {@code IF OBJECT_ID(...) IS NULL} / {@code IF NOT EXISTS
 * (SELECT ... sys.indexes)} guards of the DDL are dropped (H2 has no T-SQL {@code IF}; the tables are
 * dropped first instead).
 */
class SqlServerOnH2IT extends CompatibilityModeSupport {
  private static final String URL = "r2dbc:h2:mem:///sluice_mssql?options=MODE=MSSQLServer;"
      + "DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

  /** The SQL Server dialect with H2's markers and without the T-SQL-only DDL guards. */
  static final class OnH2 extends SqlServerDialect {
    @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
      ctx.sql('$').sql(Integer.toString(index + 1));
    }

    @Override public List<String> createTable(Table<?> table) {
      List<String> out = new ArrayList<>();
      for (String s : super.createTable(table)) {
        out.add(s.startsWith("IF OBJECT_ID(") ? s.substring(s.indexOf("CREATE TABLE"))
            : s.startsWith("IF NOT EXISTS (SELECT 1 FROM sys.indexes") ? s.substring(s.indexOf(")) CREATE") + 3)
            : s);
      }
      return out;
    }
  }

  SqlServerOnH2IT() {
    super(new OnH2(), URL);
  }

  @Test
  void pagesWithOffsetFetchAndTop() {
    assertThat(db.selectFrom(CITIES).where(eq(CITIES.countryId, peru)).orderBy(CITIES.name, Order.ASC)
        .limit(2).offset(1).fetch().map(City::name).collectList().block(T)).containsExactly("Cusco", "Lima");
    assertThat(db.selectFrom(CITIES).orderBy(CITIES.id).limit(2).fetch().map(City::name).collectList().block(T))
        .containsExactly("Lima", "Cusco");
    assertThat(db.selectFrom(CITIES).offset(3).fetch().count().block(T)).as("ORDER BY (SELECT NULL)")
        .isEqualTo(2L);
  }

  @Test
  void emulatesNullsOrderingAndFunctions() {
    assertThat(db.selectFrom(CITIES).orderBy(asc(CITIES.name).nullsLast()).fetch()
        .map(c -> c.name() == null ? "<null>" : c.name()).collectList().block(T))
        .containsExactly("Arequipa", "Cusco", "Lima", "Santiago", "<null>");
    assertThat(db.selectFrom(CITIES).orderBy(desc(CITIES.name).nullsFirst()).fetch()
        .map(c -> c.name() == null ? "<null>" : c.name()).collectList().block(T))
        .containsExactly("<null>", "Santiago", "Lima", "Cusco", "Arequipa");
    assertThat(db.select(length(CITIES.name), concat(CITIES.name, "!")).from(CITIES)
        .where(eq(CITIES.name, "Lima")).fetch().map(r -> r.value1() + " " + r.value2()).blockFirst(T))
        .isEqualTo("4 Lima!");
    assertThat(db.selectFrom(CITIES).where(ilike(CITIES.name, "LI%")).fetch().map(City::name)
        .collectList().block(T)).containsExactly("Lima");
  }

  @Test
  void theLenCheckRejectsAnEmptyName() {
    // H2 reports SQLSTATE 23513 (SQL Server would send error 547), so only the message is asserted
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.insertInto(CHAT_GROUPS)
        .values(new dev.sluice.testing.ChatGroup(null, "")).execute().block(T))
        .isInstanceOf(dev.sluice.error.SluiceException.class).hasMessageContaining("Check constraint violation");
  }
}
