package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Relation;
import dev.sluice.schema.SqlSchema;
import dev.sluice.schema.Table;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables declared in a database schema ({@link SqlSchema}) on a live database: {@code createTables}
 * creates the schema, and every statement (insert, select, update, delete, upsert, join, relation
 * load, foreign key, index) reaches the schema's table, not the table of the same name in the
 * connection's default schema. Each test class uses a schema of its own, named with this run's id
 * and a random part, and drops it afterwards. A database without schemas (SQLite) refuses such a
 * table with {@link UnsupportedByDialectException} before anything is sent.
 */
public abstract class SchemaContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  /** This class's schema: {@code sluice_ledger_<run>_<random>}. */
  protected final String schemaName = RunDatabases.name("sluice_ledger") + "_"
      + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
  private final SqlSchema schema = SqlSchema.named(schemaName);
  final Accounts accounts = new Accounts();
  final Events events = new Events();
  final Twins twins = new Twins();

  public record Account(Integer id, String name, Integer balance) {}

  public record Event(Integer id, Integer accountId, String kind) {}

  public record AccountWithEvents(Integer id, String name, Integer balance, List<Event> events) {}

  /** {@code <schema>.ledger_accounts}. */
  public final class Accounts extends Table<Account> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 64).notNull();
    public final Column<Integer> balance = integer("balance").notNull();
    public final Index byName = uniqueIndex(name);
    public final Relation<Account, Event> events = hasMany(() -> SchemaContract.this.events.accountId);

    Accounts() { super(SchemaContract.this.schema, "ledger_accounts"); }
  }

  /** {@code <schema>.ledger_events}, with a foreign key to the accounts of the same schema. */
  public final class Events extends Table<Event> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> accountId = integer("account_id").notNull()
        .references(() -> SchemaContract.this.accounts.id);
    public final Column<String> kind = varchar("kind", 32).notNull();
    public final Index byKind = index(kind);

    Events() { super(SchemaContract.this.schema, "ledger_events"); }
  }

  /** {@code ledger_events} in the connection's default schema: the same name, another table. */
  public static final class Twins extends Table<Event> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> accountId = integer("account_id").notNull();
    public final Column<String> kind = varchar("kind", 32).notNull();

    Twins() { super("ledger_events"); }
  }

  /** False for a database without schemas: the tests then expect the refusal. */
  protected boolean hasSchemas() { return true; }

  /** The statement that drops this class's schema and everything in it. */
  protected String dropSchema(String name) {
    return "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE";
  }

  @BeforeAll
  void createSchemaTables() {
    if (hasSchemas()) {
      db.dropTables(twins).then(db.createTables(accounts, events, twins)).block(T);
    }
  }

  @BeforeEach
  void emptySchemaTables() {
    if (hasSchemas()) {
      db.deleteFrom(events).all().execute().then(db.deleteFrom(accounts).all().execute())
          .then(db.deleteFrom(twins).all().execute()).block(T);
    }
  }

  @AfterAll
  void dropSchemaTables() {
    if (hasSchemas() && db != null) {
      db.dropTables(events, accounts, twins).then(db.sql(dropSchema(schemaName)).execute()).block(T);
    }
  }

  @Test
  void writesAndReadsTheTableOfTheSchemaNotItsNamesake() {
    if (!hasSchemas()) {
      assertRefused();
      return;
    }
    Account a = db.insertInto(accounts).values(new Account(null, "ann", 10)).returning().block(T);
    assertThat(a.id()).isNotNull();
    assertThat(db.insertInto(events).values(List.of(new Event(null, a.id(), "open"),
        new Event(null, a.id(), "pay"), new Event(null, a.id(), "pay"))).execute().block(T)).isEqualTo(3L);
    assertThat(db.update(events).set(events.kind, "paid").where(eq(events.kind, "pay")).execute().block(T))
        .isEqualTo(2L);
    assertThat(db.deleteFrom(events).where(eq(events.kind, "open")).execute().block(T)).isEqualTo(1L);
    assertThat(db.selectFrom(events).orderBy(events.id).fetch().map(Event::kind).collectList().block(T))
        .containsExactly("paid", "paid");
    assertThat(db.selectFrom(twins).fetch().count().block(T)).isZero();
    // the schema's table, as the database names it, written by hand
    String table = db.dialect().qualifiedName(events);
    assertThat(db.sql("SELECT COUNT(*) FROM " + table).fetch().map(r -> r.get(0, Long.class)).single().block(T))
        .isEqualTo(2L);
  }

  @Test
  void upsertsJoinsAndRelationsReachTheSchema() {
    if (!hasSchemas()) {
      assertRefused();
      return;
    }
    Account a = db.insertInto(accounts).values(new Account(null, "bob", 1)).returning().block(T);
    db.insertInto(accounts).values(new Account(null, "bob", 5)).onConflict(accounts.name)
        .doUpdate(accounts.balance).execute().block(T);
    assertThat(db.selectFrom(accounts).where(eq(accounts.name, "bob")).fetchOne().block(T))
        .isEqualTo(new Account(a.id(), "bob", 5));
    db.insertInto(events).values(List.of(new Event(null, a.id(), "x"), new Event(null, a.id(), "y"))).execute()
        .block(T);
    assertThat(db.select(accounts.name, events.kind).from(events).join(accounts).on(eq(events.accountId, accounts.id))
        .orderBy(events.kind).fetch().map(r -> r.value1() + ":" + r.value2()).collectList().block(T))
        .containsExactly("bob:x", "bob:y");
    AccountWithEvents loaded = db.selectFrom(accounts).with(accounts.events).fetch(AccountWithEvents.class)
        .single().block(T);
    assertThat(loaded.events()).extracting(Event::kind).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void foreignKeysAndIndexesAreTheSchemas() {
    if (!hasSchemas()) {
      assertRefused();
      return;
    }
    assertThatThrownBy(() -> db.insertInto(events).values(new Event(null, 424242, "lost")).execute().block(T))
        .isInstanceOf(ForeignKeyViolationException.class);
    db.insertInto(accounts).values(new Account(null, "cy", 1)).execute().block(T);
    assertThatThrownBy(() -> db.insertInto(accounts).values(new Account(null, "cy", 2)).execute().block(T))
        .isInstanceOf(dev.sluice.error.UniqueViolationException.class);
    // a second createTables finds the schema, the tables and the indexes and changes nothing
    db.createTables(accounts, events).block(T);
    assertThat(db.selectFrom(accounts).fetch().count().block(T)).isEqualTo(1L);
  }

  private void assertRefused() {
    assertThatThrownBy(() -> db.createTables(accounts).block(T))
        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("ledger_accounts")
        .hasMessageContaining(schemaName);
    assertThatThrownBy(() -> db.selectFrom(accounts).fetch().blockLast(T))
        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining(schemaName);
    assertThatThrownBy(() -> db.insertInto(accounts).values(new Account(null, "x", 1)).execute().block(T))
        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining(schemaName);
  }
}
