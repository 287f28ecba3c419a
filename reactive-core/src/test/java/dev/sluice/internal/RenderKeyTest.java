package dev.sluice.internal;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.query.Functions.sql;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import java.util.List;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Param;
import dev.sluice.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The render cache's key: equal for statements that differ only in bound values, different for
 * anything the SQL text depends on; and {@link Param} keeps a record's value equality.
 */
class RenderKeyTest {
  private static final DataType<Integer> INT = DataType.of(SqlKind.INTEGER, Integer.class);
  private static final DataType<Long> LONG = DataType.of(SqlKind.BIGINT, Long.class);

  private final RenderKey.Accessors accessors = new RenderKey.Accessors();
  private final Database db = Database.builder().dialect(new StandardDialect()).build();

  private RenderKey key(Statement s) { return RenderKey.of(s, accessors); }

  @Test
  void paramEqualityIncludesTheValue() {
    assertThat(new Param<>(1, INT)).isEqualTo(new Param<>(1, INT))
        .hasSameHashCodeAs(new Param<>(1, INT))
        .isNotEqualTo(new Param<>(2, INT));
    assertThat(new Param<>(null, INT)).isNotEqualTo(new Param<>(0, INT));
    assertThat(new Param<>(1L, LONG)).isNotEqualTo(new Param<>(1, INT));
    Statement q42 = db.selectFrom(CITIES).where(eq(CITIES.id, 42)).query();
    Statement q7 = db.selectFrom(CITIES).where(eq(CITIES.id, 7)).query();
    assertThat(q42).as("statements with different values are different records").isNotEqualTo(q7);
    assertThat(q42).isEqualTo(db.selectFrom(CITIES).where(eq(CITIES.id, 42)).query());
  }

  @Test
  void valuesAnywhereInTheTreeDoNotChangeTheKey() {
    assertThat(key(db.selectFrom(CITIES).where(and(eq(CITIES.id, 42), like(CITIES.name, "a%")))
        .limit(10).offset(20).query()))
        .isEqualTo(key(db.selectFrom(CITIES).where(and(eq(CITIES.id, 7), like(CITIES.name, "zz")))
            .limit(3).offset(0).query()))
        .hasSameHashCodeAs(key(db.selectFrom(CITIES).where(and(eq(CITIES.id, 7), like(CITIES.name, "zz")))
            .limit(3).offset(0).query()));
    assertThat(key(insert("Oslo", 1))).isEqualTo(key(insert("Bergen", 2)));
    assertThat(key(insert("Oslo", 1))).as("a null value is a value too").isEqualTo(key(insert(null, null)));
    assertThat(key(db.selectFrom(CITIES).where(sql("\"id\" > {0}", 5)).query()))
        .isEqualTo(key(db.selectFrom(CITIES).where(sql("\"id\" > {0}", 6)).query()));
  }

  @Test
  void whatTheTextDependsOnChangesTheKey() {
    RenderKey base = key(db.selectFrom(CITIES).where(eq(CITIES.id, 1)).query());
    assertThat(key(db.selectFrom(CITIES).where(eq(CITIES.countryId, 1)).query())).as("column").isNotEqualTo(base);
    assertThat(key(db.selectFrom(CITIES).where(ne(CITIES.id, 1)).query())).as("operator").isNotEqualTo(base);
    assertThat(key(db.selectFrom(CITIES).where(eq(CITIES.id, 1)).limit(1).query())).as("limit").isNotEqualTo(base);
    assertThat(key(db.selectFrom(CITIES).where(in(CITIES.id, 1)).query()))
        .as("list length").isNotEqualTo(key(db.selectFrom(CITIES).where(in(CITIES.id, 1, 2)).query()));
    assertThat(key(db.selectFrom(CITIES).where(sql("\"id\" > {0}", 5)).query()))
        .as("raw text").isNotEqualTo(key(db.selectFrom(CITIES).where(sql("\"id\" >= {0}", 5)).query()));
    assertThat(key(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).query())).as("table").isNotEqualTo(base);
  }

  private static Statement insert(String name, Integer country) {
    List<Expr<?>> row = List.of(new Param<>(name, CITIES.name.dataType()), new Param<>(country, INT));
    return new InsertQuery(CITIES, List.of(CITIES.name, CITIES.countryId), List.of(row), List.of());
  }
}
