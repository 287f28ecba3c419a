package dev.sluice.migrations.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java that {@code pull} writes for a snapshot: names, modifiers, and what it reports it cannot declare. */
class JavaSchemaWriterTest {
  private static ColumnSnapshot col(String name, ColumnType type, boolean nullable, ColumnDefault d) {
    return new ColumnSnapshot(name, type, nullable, d, false);
  }

  private static final SchemaSnapshot SCHEMA = SchemaSnapshot.of(
      List.of(new EnumSnapshot("order status", List.of("new", "in progress", "class"))),
      List.of(
          new TableSnapshot("orders", List.of(
              new ColumnSnapshot("id", ColumnType.of(SqlKind.BIGINT), false, null, true),
              col("class", ColumnType.of(SqlKind.TEXT), false, ColumnDefault.string("a \"b\"\n")),
              col("status", new ColumnType(SqlKind.ENUM, 0, 0, 0, "order status"), true, ColumnDefault.string("in progress")),
              col("total", ColumnType.of(SqlKind.DECIMAL), true, ColumnDefault.number("0.00")),
              col("due", ColumnType.of(SqlKind.DATE), true, ColumnDefault.string("next monday")),
              col("shop_id", ColumnType.of(SqlKind.INTEGER), true, null),
              col("shop_region", ColumnType.of(SqlKind.INTEGER), true, null)),
              List.of("id"),
              List.of(new ForeignKeySnapshot("orders_shop", List.of("shop_id", "shop_region"), "shops", List.of("id", "region"),
                  ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
              List.of(new UniqueSnapshot("orders_class_key", List.of("class")), new UniqueSnapshot("orders_pair", List.of("class", "due"))),
              List.of(), List.of(new CheckSnapshot("orders_total_check", "total >= 0"))),
          new TableSnapshot("shops", List.of(col("id", ColumnType.of(SqlKind.INTEGER), false, null),
              col("region", ColumnType.of(SqlKind.INTEGER), false, null)), List.of("id", "region"),
              List.of(), List.of(), List.of(), List.of())));

  private static String source(PullReport r, String simpleName) {
    return r.sources().stream().filter(s -> s.className().equals("app." + simpleName)).findFirst().orElseThrow().text();
  }

  @Test
  void writesTablesRecordsEnumsAndTheHolderWithJavaNames() {
    PullReport r = Puller.sources(SCHEMA, "app", "Tables");
    assertThat(r.sources()).extracting(JavaSource::path).containsExactlyInAnyOrder("app/OrderStatus.java", "app/Orders.java",
        "app/Order.java", "app/Shops.java", "app/Shop.java", "app/Tables.java");
    String orders = source(r, "Orders");
    assertThat(orders)
        .contains("public final Column<Long> id = bigserial(\"id\").primaryKey();")
        .contains("public final Column<String> class_ = text(\"class\").notNull().unique().defaultValue(\"a \\\"b\\\"\\n\");")
        .contains("public final Column<OrderStatus> status = column(\"status\", Tables.ORDER_STATUS).defaultValue(OrderStatus.IN_PROGRESS);")
        .contains("column(\"total\", new DataType<>(SqlKind.DECIMAL, BigDecimal.class, 0, 0, 0, null, null)).defaultValue(new BigDecimal(\"0.00\"))")
        .contains("public final Column<LocalDate> due = date(\"due\").defaultSql(\"'next monday'\");")
        .contains("public final Index ordersPair = uniqueIndex(class_, due).named(\"orders_pair\");")
        .contains("public final Check ordersTotalCheck = check(\"orders_total_check\", \"total >= 0\");");
    assertThat(source(r, "Order")).contains("public record Order(Long id, String class_, OrderStatus status, BigDecimal total,"
        + " LocalDate due, Integer shopId, Integer shopRegion) { }");
    assertThat(source(r, "Shops")).contains("public final PrimaryKey pk = primaryKey(id, region);")
        .contains("public final Column<Integer> id = integer(\"id\").notNull();");
    assertThat(source(r, "OrderStatus")).contains("NEW(\"new\"),").contains("IN_PROGRESS(\"in progress\"),").contains("CLASS(\"class\");");
    assertThat(source(r, "Tables")).contains("public static final EnumType<OrderStatus> ORDER_STATUS = EnumType.of(\"order status\","
        + " OrderStatus.class, OrderStatus::label);").contains("public static final Orders ORDERS = new Orders();");
    assertThat(r.warnings()).containsExactlyInAnyOrder(
        "table orders: unique constraint orders_pair [class, due] is declared as a unique index (schema code names only"
            + " single-column unique constraints)",
        "table orders: foreign key orders_shop [shop_id, shop_region] -> shops[id, region] is left out: schema code declares"
            + " single-column foreign keys to pulled tables only",
        "table orders: the default of column due ('next monday') is not a LocalDate value: written as SQL");
  }
}
