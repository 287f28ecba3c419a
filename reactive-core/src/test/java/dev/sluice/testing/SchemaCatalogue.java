package dev.sluice.testing;

import static dev.sluice.query.Dsl.*;

import dev.sluice.Database;
import dev.sluice.query.Functions;
import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Relation;
import dev.sluice.schema.SqlSchema;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tables in a database schema and generated columns, for the golden SQL of every dialect: the
 * statements on such tables ({@link #render}) and their DDL ({@link #ddl}).
 */
public final class SchemaCatalogue {
  private SchemaCatalogue() {}

  public static final SqlSchema AUDIT = SqlSchema.named("audit");

  public record Account(Integer id, String name) {}

  public record Event(Long id, Integer accountId, String kind, String label, Integer size) {}

  /** {@code "audit"."accounts"}. */
  public static final class Accounts extends Table<Account> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 64).notNull();
    public final Index byName = uniqueIndex(name);
    public final Relation<Account, Event> events = hasMany(() -> EVENTS.accountId);

    public Accounts() { super(AUDIT, "accounts"); }
  }

  /** {@code "audit"."events"}: a foreign key into the schema, an index, and two generated columns. */
  public static final class Events extends Table<Event> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<Integer> accountId = integer("account_id").notNull().references(() -> ACCOUNTS.id);
    public final Column<String> kind = varchar("kind", 32).notNull();
    public final Column<String> label = varchar("label", 100).generatedAlways(Functions.concat(kind, kind));
    public final Column<Integer> size = integer("size").generatedAlways("length(kind)");
    public final Index byKind = index(kind);

    public Events() { super(AUDIT, "events"); }
  }

  public record Tally(Integer id, Integer n, Integer twice) {}

  /** {@code tallies}, in the default schema: a virtual generated column. */
  public static final class Tallies extends Table<Tally> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> n = integer("n").notNull();
    public final Column<Integer> twice = integer("twice").generatedAlwaysVirtual(Functions.add(n, n));

    public Tallies() { super("tallies"); }
  }

  public static final Tallies TALLIES = new Tallies();
  public static final Accounts ACCOUNTS = new Accounts();
  public static final Events EVENTS = new Events();

  /** Named renderings of statements on the schema's tables in {@code dialect}. */
  public static Map<String, RenderedSql> render(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("select", d -> d.selectFrom(EVENTS).where(eq(EVENTS.kind, "pay")).toSql(dialect));
    q.put("join", d -> d.select(ACCOUNTS.name, EVENTS.label).from(EVENTS).join(ACCOUNTS)
        .on(eq(EVENTS.accountId, ACCOUNTS.id)).toSql(dialect));
    q.put("insert", d -> d.insertInto(EVENTS).values(new Event(null, 1, "pay", null, null)).toSql(dialect));
    q.put("update", d -> d.update(EVENTS).set(EVENTS.kind, "paid").where(eq(EVENTS.id, 3L)).toSql(dialect));
    q.put("updateRecord", d -> d.update(EVENTS).set(new Event(3L, 1, "paid", "stale", 9))
        .where(eq(EVENTS.id, 3L)).toSql(dialect));
    q.put("delete", d -> d.deleteFrom(EVENTS).where(eq(EVENTS.id, 3L)).toSql(dialect));
    q.put("upsert", d -> d.insertInto(ACCOUNTS).values(new Account(1, "ann")).onConflict(ACCOUNTS.id)
        .doUpdateAll().toSql(dialect));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, attempt(() -> f.apply(db))));
    return out;
  }

  /** The tables whose DDL the golden files hold. */
  public static List<Table<?>> tables() {
    return List.of(ACCOUNTS, EVENTS, TALLIES);
  }

  private static RenderedSql attempt(java.util.function.Supplier<RenderedSql> r) {
    try {
      return r.get();
    } catch (RuntimeException e) {
      return new RenderedSql("ERR " + e.getClass().getName() + ": " + e.getMessage(), List.of());
    }
  }
}
