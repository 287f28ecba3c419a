package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.IllegalUseException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.query.Functions;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated columns ({@code Column.generatedAlways}) on a live database: the database computes the
 * value on insert and update, {@code returning()} and reads get it back, Sluice never writes it,
 * and a statement that sets it is refused with {@link IllegalUseException} before anything is sent.
 */
public abstract class GeneratedColumnContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  public record Person(Integer id, String first, String last, String joined) {}

  /** {@code gen_people}: {@code joined} is {@code first || last}, stored. */
  public static final class People extends Table<Person> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> first = varchar("first_name", 50).notNull();
    public final Column<String> last = varchar("last_name", 50).notNull();
    public final Column<String> joined = varchar("joined", 100).generatedAlways(Functions.concat(first, last));

    public People() { super("gen_people"); }
  }

  /** {@code gen_people_v}: the same, computed when read. */
  public static final class VirtualPeople extends Table<Person> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> first = varchar("first_name", 50).notNull();
    public final Column<String> last = varchar("last_name", 50).notNull();
    public final Column<String> joined = varchar("joined", 100).generatedAlwaysVirtual(Functions.concat(last, first));

    public VirtualPeople() { super("gen_people_v"); }
  }

  static final People P = new People();
  static final VirtualPeople V = new VirtualPeople();

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {P}; }

  /** False where the database has no virtual generated columns (PostgreSQL before 18). */
  protected boolean hasVirtualColumns() { return true; }

  @BeforeEach
  void dropVirtual() {
    db.dropTables(V).block(T);
  }

  @Test
  void theDatabaseComputesItAndReturningReadsItBack() {
    Person ann = db.insertInto(P).values(new Person(null, "Ann", "Lee", null)).returning().block(T);
    assertThat(ann.joined()).isEqualTo("AnnLee");
    assertThat(db.insertInto(P).values(List.of(new Person(null, "Bo", "Ek", null), new Person(null, "Cy", "Do", null)))
        .execute().block(T)).isEqualTo(2L);
    Person partial = db.insertInto(P).set(P.first, "Di").set(P.last, "Fo").returning().block(T);
    assertThat(partial.joined()).isEqualTo("DiFo");
    assertThat(db.select(P.joined).from(P).orderBy(P.joined).fetch().map(r -> r.value1()).collectList().block(T))
        .containsExactly("AnnLee", "BoEk", "CyDo", "DiFo");
  }

  @Test
  void updatesAndSavesLeaveItToTheDatabase() {
    Person ann = db.insertInto(P).values(new Person(null, "Ann", "Lee", null)).returning().block(T);
    db.update(P).set(P.first, "Eve").where(eq(P.id, ann.id())).execute().block(T);
    assertThat(read(ann.id()).joined()).isEqualTo("EveLee");
    // a record read back holds the computed value; updating by key and saving it leave that out
    Person read = read(ann.id());
    db.update(P).byKey(new Person(read.id(), "Fay", read.last(), read.joined())).execute().block(T);
    assertThat(read(ann.id()).joined()).isEqualTo("FayLee");
    Person saved = db.save(P, new Person(read.id(), "Gus", "Lee", "stale")).block(T);
    assertThat(saved.joined()).isEqualTo("GusLee");
    assertThat(read(ann.id()).joined()).isEqualTo("GusLee");
    db.insertInto(P).values(new Person(ann.id(), "Hal", "Lee", null)).onConflict(P.id).doUpdateAll().execute().block(T);
    assertThat(read(ann.id()).joined()).isEqualTo("HalLee");
  }

  @Test
  void settingItIsRefusedNamingTheColumnBeforeAnythingIsSent() {
    assertThatThrownBy(() -> db.insertInto(P).set(P.first, "A").set(P.last, "B").set(P.joined, "AB").execute().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("gen_people.joined");
    assertThatThrownBy(() -> db.insertInto(P).values(new Person(null, "A", "B", "AB")).execute().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("gen_people.joined");
    assertThatThrownBy(() -> db.update(P).set(P.joined, "x").where(eq(P.id, 1)).execute().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("gen_people.joined");
    assertThatThrownBy(() -> db.insertInto(P).values(new Person(1, "A", "B", null)).onConflict(P.id)
        .doUpdate(P.joined).execute().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("gen_people.joined");
    assertThatThrownBy(() -> db.insertInto(P).fromSelect(db.select(P.first).from(P), P.joined).execute().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("gen_people.joined");
    assertThat(db.selectFrom(P).fetch().count().block(T)).isZero();
  }

  @Test
  void aVirtualColumnIsComputedWhenRead() {
    if (!hasVirtualColumns()) {
      assertThatThrownBy(() -> db.createTables(V).block(T)).isInstanceOf(UnsupportedByDialectException.class)
          .hasMessageContaining("gen_people_v.joined");
      return;
    }
    db.createTables(V).block(T);
    Person p = db.insertInto(V).values(new Person(null, "Ann", "Lee", null)).returning().block(T);
    assertThat(p.joined()).isEqualTo("LeeAnn");
    db.update(V).set(V.last, "Ray").where(eq(V.id, p.id())).execute().block(T);
    assertThat(db.select(V.joined).from(V).fetchOne().block(T).value1()).isEqualTo("RayAnn");
  }

  private Person read(Integer id) {
    return db.selectFrom(P).where(eq(P.id, id)).fetchOne().block(T);
  }
}
