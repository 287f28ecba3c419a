package dev.sluice.internal;

import static dev.sluice.testing.Schema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.DataException;
import dev.sluice.schema.Column;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindCheckTest {
  private static final StandardDialect DIALECT = new StandardDialect() {
    @Override public String refusal(Object v) {
      return v instanceof Double d && d.isNaN() ? "NaN, which this database stores as NULL" : null;
    }
  };

  @Test
  void findsTheFirstLoneSurrogate() {
    assertThat(BindCheck.loneSurrogate("plain \u00E9 text")).isEqualTo(-1);
    assertThat(BindCheck.loneSurrogate("emoji \uD83D\uDE00 pair")).isEqualTo(-1);
    assertThat(BindCheck.loneSurrogate("\uD83D")).isEqualTo(0);
    assertThat(BindCheck.loneSurrogate("ab\uDE00")).isEqualTo(2);
    assertThat(BindCheck.loneSurrogate("\uDE00\uD83D")).as("a low before a high is no pair").isEqualTo(0);
    assertThat(BindCheck.loneSurrogate("x\uD83D\uDE00\uD83D")).isEqualTo(3);
    assertThat(BindCheck.loneSurrogate("nul \u0000 inside")).isEqualTo(BindCheck.NUL);
    assertThat(BindCheck.loneSurrogate("nul \u0000 and \uD800")).as("the surrogate wins").isEqualTo(10);
  }

  @Test
  void refusesALoneSurrogateNamingTheInsertedColumn() {
    Statement insert = insert(USERS.phone, "12\uD800");
    assertThatThrownBy(() -> check(insert)).isInstanceOfSatisfying(DataException.class, e -> {
      assertThat(e.table()).isEqualTo("users");
      assertThat(e.column()).isEqualTo("phone");
      assertThat(e.getMessage()).contains("surrogate").contains("U+D800").contains("index 2")
          .doesNotContain("12");
    });
  }

  @Test
  void namesTheColumnACondtionComparesWith() {
    Statement select = SelectQuery.of(List.of(USERS.id.expr()), USERS)
        .withWhere(new Comparison(USERS.fullName.expr(), CompareOp.EQ, new Param<>("\uDC00", USERS.fullName.dataType())));
    assertThatThrownBy(() -> check(select)).isInstanceOfSatisfying(DataException.class,
        e -> assertThat(e.column()).isEqualTo("full_name"));
  }

  @Test
  void asksTheDialectAboutOtherValuesAndChecksArrayElements() {
    RenderedSql arrays = new RenderedSql("?", List.of(new dev.sluice.sql.Bind(new String[] {"ok", "b\uD800"}, String[].class)));
    assertThatThrownBy(() -> BindCheck.check(DIALECT, arrays, insert(USERS.phone, "ok")))
        .isInstanceOf(DataException.class).hasMessageContaining("surrogate");
    RenderedSql nan = new RenderedSql("?", List.of(new dev.sluice.sql.Bind(Double.NaN, Double.class)));
    assertThatThrownBy(() -> BindCheck.check(DIALECT, nan, insert(USERS.phone, "ok")))
        .isInstanceOf(DataException.class).hasMessageContaining("NaN, which this database stores as NULL")
        .hasMessageContaining("bound value 1");
    check(insert(USERS.phone, "fine \uD83D\uDE00")); // no error
  }

  private static void check(Statement statement) {
    BindCheck.check(DIALECT, DIALECT.render(statement), statement);
  }

  private static InsertQuery insert(Column<String> column, String value) {
    List<Expr<?>> row = List.of(new Param<>("Ann", USERS.fullName.dataType()), new Param<>(value, column.dataType()));
    return new InsertQuery(USERS, List.of(USERS.fullName, column), List.of(row), List.of());
  }
}
