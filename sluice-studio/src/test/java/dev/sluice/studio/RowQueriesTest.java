package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialects;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The studio's SQL per dialect: identifiers from the model, quoted; every value a placeholder. */
class RowQueriesTest {
  final StudioTable parts = StudioTable.of(PARTS);
  final RowQueries postgres = new RowQueries(Dialects.named("postgresql"));
  final RowQueries sqlServer = new RowQueries(Dialects.named("sqlserver"));

  RowsRequest request(Map<String, List<String>> params) {
    return RowsRequest.parse(parts, params);
  }

  @Test
  void aPageFiltersSortsThenOrdersByKeyAndBindsEveryValue() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("page", List.of("2"));
    params.put("size", List.of("10"));
    params.put("sort", List.of("name"));
    params.put("dir", List.of("desc"));
    params.put("f.name", List.of("50%_off!"));
    params.put("f.price", List.of("7.50"));
    Sql sql = postgres.page(request(params));
    assertThat(sql.template()).isEqualTo("SELECT \"id\", \"name\", \"price\", \"stock\", \"active\", \"note\", \"data\" FROM \"parts\""
        + " WHERE \"name\" LIKE {0} ESCAPE '!' AND \"price\" = {1} ORDER BY \"name\" DESC, \"id\" ASC LIMIT {2} OFFSET {3}");
    assertThat(sql.args()).containsExactly("%50!%!_off!!%", new BigDecimal("7.50"), 10, 20L);
  }

  @Test
  void sqlServerPagesWithOffsetFetch() {
    Sql sql = sqlServer.page(request(Map.of("size", List.of("5"))));
    assertThat(sql.template()).endsWith("FROM [parts] ORDER BY [id] ASC OFFSET {0} ROWS FETCH NEXT {1} ROWS ONLY");
    assertThat(sql.args()).containsExactly(0L, 5);
  }

  @Test
  void anEditLocksTheRowThenUpdatesByKeyWithNullAsALiteral() {
    assertThat(postgres.byKey(parts, List.of(7), true).template()).endsWith("FROM \"parts\" WHERE \"id\" = {0} FOR UPDATE");
    assertThat(sqlServer.byKey(parts, List.of(7), true).template()).endsWith("FROM [parts] WHERE [id] = {0}");
    Map<StudioColumn, Object> values = new LinkedHashMap<>();
    values.put(parts.column("name").orElseThrow(), "n");
    values.put(parts.column("note").orElseThrow(), null);
    Sql update = postgres.update(parts, values, List.of(7));
    assertThat(update.template()).isEqualTo("UPDATE \"parts\" SET \"name\" = {0}, \"note\" = NULL WHERE \"id\" = {1}");
    assertThat(update.args()).containsExactly("n", 7);
  }

  @Test
  void aBraceInANameStaysLiteralInTheTemplate() {
    assertThat(postgres.id("odd{0}name")).isEqualTo("\"odd{{0}name\"");
  }

  @Test
  void theCountUsesTheSameFilters() {
    Sql count = postgres.count(request(Map.of("f.active", List.of("true"))));
    assertThat(count.template()).isEqualTo("SELECT COUNT(*) AS n FROM \"parts\" WHERE \"active\" = {0}");
    assertThat(count.args()).containsExactly(true);
  }
}
