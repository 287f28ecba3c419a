package dev.sluice.dialect.postgres;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.JsonDocs.DOCS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;

/** PostgreSQL's dialect for r2dbc-vertx: chosen for that driver, JSON values handed back as text. */
class VertxPostgresDialectTest {
  private final VertxPostgresDialect dialect = new VertxPostgresDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void isChosenForAnR2dbcVertxFactoryOnlyAndKeepsPostgresqlsName() {
    ConnectionFactory vertx = ConnectionFactories.get("r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/test");
    try {
      assertThat(Dialects.detect(vertx.getMetadata())).isExactlyInstanceOf(VertxPostgresDialect.class);
    } finally {
      ((dev.sluice.r2dbc.vertx.VertxPostgresConnectionFactory) vertx).close().block();
    }
    assertThat(Dialects.detect(() -> "PostgreSQL")).isExactlyInstanceOf(PostgresDialect.class);
    assertThat(dialect.name()).isEqualTo("postgresql");
  }

  @Test
  void castsTheJsonValuesOfTheOutermostSelectOnly() {
    assertThat(db.selectFrom(DOCS).where(eq(DOCS.id, 1)).orderBy(DOCS.meta).toSql(dialect).sql())
        .as("the concatenation leaves the result unnamed, so ORDER BY still means the jsonb column")
        .isEqualTo("SELECT \"id\", CAST(\"meta\" AS text) || '', CAST(\"raw\" AS text) || '' FROM \"json_docs\""
            + " WHERE \"id\" = $1 ORDER BY \"meta\"");
    assertThat(db.select(DOCS.id, scalar(db.select(DOCS.raw).from(DOCS).limit(1))).from(DOCS).toSql(dialect).sql())
        .isEqualTo("SELECT \"id\", CAST((SELECT \"json_docs\".\"raw\" FROM \"json_docs\" LIMIT $1) AS text) || ''"
            + " FROM \"json_docs\"");
    assertThat(db.insertInto(DOCS).fromSelect(db.select(DOCS.meta).from(DOCS), DOCS.meta).toSql(dialect).sql())
        .as("values going into a table stay JSON")
        .isEqualTo("INSERT INTO \"json_docs\" (\"meta\") SELECT \"meta\" FROM \"json_docs\"");
    assertThat(db.select(DOCS.id).from(DOCS).toSql(new PostgresDialect()).sql())
        .isEqualTo(db.select(DOCS.id).from(DOCS).toSql(dialect).sql());
  }
}
