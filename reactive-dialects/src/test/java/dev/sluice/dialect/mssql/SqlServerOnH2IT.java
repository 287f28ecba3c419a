package dev.sluice.dialect.mssql;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.CompatibilityModeSupport;
import dev.sluice.query.Order;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.spi.RenderContext;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.City;
import dev.sluice.testing.QueryCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void everyCatalogueEntryRuns() {
    Map<String, RenderedSql> all = QueryCatalogue.render(dialect);
    assertThat(run(all.get("selectAll"))).isEqualTo(5);
    assertThat(run(all.get("andOr"))).isZero(); // country 1 may not be Peru's id; shape is what counts
    assertThat(run(all.get("projection"))).isEqualTo(5);
    assertThat(run(all.get("emptyIn"))).isZero();
    // insertDefaulted inserts "Peru" again: the unique index rejects it, after H2 parsed it
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(all.get("insertDefaulted")))
        .hasMessageContaining("countries_name_index");
    for (String name : List.of("selectById", "comparisons", "betweenInLike", "enumFilter", "insertOne",
        "update", "delete")) {
      assertThat(run(all.get(name))).as(name).isGreaterThanOrEqualTo(0);
    }
    Map<String, RenderedSql> ql = QueryCatalogue.renderQueryLanguage(dialect);
    // forUpdate: H2's MSSQLServer mode accepts the WITH (UPDLOCK, ROWLOCK) table hint
    for (String name : ql.keySet()) {
      assertThat(run(ql.get(name))).as(name).isGreaterThanOrEqualTo(0);
    }
    // updateAll would change the seeds the other tests read: the same shape runs on chat_groups
    assertThat(run(dialect.render(new dev.sluice.sql.UpdateQuery(CHAT_GROUPS,
        List.of(new dev.sluice.sql.Assignment<>(CHAT_GROUPS.name, new dev.sluice.sql.Param<>("x",
            CHAT_GROUPS.name.dataType()))), null, List.of())))).isGreaterThanOrEqualTo(0);
    assertThat(run(all.get("deleteAll"))).isZero();
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
        .isInstanceOf(dev.sluice.SluiceException.class).hasMessageContaining("Check constraint violation");
  }
}
