package dev.sluice.examples.readme;

import static dev.sluice.query.Functions.concat;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.SqlSchema;
import dev.sluice.schema.Table;
import reactor.core.publisher.Mono;

/** The README's database schemas and generated columns blocks. */
final class SchemasSnippet {
  private SchemasSnippet() {}

  public record Event(Long id, String kind) {}

  public record Person(Integer id, String first, String last, String fullName, Integer total) {}

  // tag::schemas-table[]
  public static final SqlSchema AUDIT = SqlSchema.named("audit");

  public static final class Events extends Table<Event> {               // "audit"."events"
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<String> kind = varchar("kind", 32).notNull();
    public Events() { super(AUDIT, "events"); }
  }
  // end::schemas-table[]

  // tag::generated-table[]
  public static final class People extends Table<Person> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> first = varchar("first", 50).notNull();
    public final Column<String> last = varchar("last", 50).notNull();
    public final Column<String> fullName = varchar("full_name", 100)
        .generatedAlways(concat(first, last));                           // typed: rendered per dialect
    public final Column<Integer> total = integer("total")
        .generatedAlwaysVirtual("length(\"first\")");                    // SQL of one database
    public People() { super("people"); }
  }
  // end::generated-table[]

  static final People PEOPLE = new People();

  static Mono<Person> generated(Database db) {
    // tag::generated-behaviour[]
    Mono<Person> ann = db.insertInto(PEOPLE).values(new Person(null, "Ann", "Lee", null, null))
        .returning();                                   // fullName "AnnLee", computed by the database
    db.update(PEOPLE).set(PEOPLE.fullName, "x");        // IllegalUseException naming people.full_name
    // end::generated-behaviour[]
    return ann;
  }
}
