package dev.sluice.examples.readme;

import dev.sluice.openapi.OpenApiSchemas;
import dev.sluice.schema.Column;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.util.List;

/** The README's "OpenAPI schemas" blocks, compiled against sluice-openapi's public API. */
final class OpenApiSnippet {
  private OpenApiSnippet() {}

  /** A customer's tier. */
  public enum Tier { FREE, PRO }

  static final EnumType<Tier> TIER = EnumType.of("tier", Tier.class);

  // tag::openapi-table[]
  public static final class Customers extends Table<Customer> {
    public final Column<Long>       id     = bigserial("id").primaryKey();
    public final Column<String>     email  = varchar("email", 320).notNull().comment("Where receipts go");
    public final Column<Tier>       tier   = column("tier", TIER).notNull();
    public final Column<BigDecimal> credit = decimal("credit", 10, 2);
    public Customers() { super("customers"); }
  }
  public record Customer(Long id, String email, Tier tier, BigDecimal credit) {}
  public record CustomerPage(List<Customer> customers, int total) {}
  // end::openapi-table[]

  static final Customers CUSTOMERS = new Customers();

  static String yaml() {
    // tag::openapi[]
    String yaml = OpenApiSchemas.of(CUSTOMERS)     // the schema "Customer", named for the row record
        .withRecords(CustomerPage.class)           // a record nesting Customer refers to the table's schema
        .info("Shop API", "1.0")
        .toYaml();                                 // or toJson(), document(), schemas() as maps
    // end::openapi[]
    return yaml;
  }
}
