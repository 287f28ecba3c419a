package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.DataException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Hostile strings (quotes, comments, semicolons, placeholders, wildcards, unicode, control
 * characters) go through every bind path and through quoted identifiers: each value round-trips
 * unchanged, and no statement other than Sluice's ever runs (a canary row and table survive).
 */
public abstract class InjectionContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(120);

  static final List<String> FRAGMENTS = List.of("'", "''", "\"", "\\", "\\'", ";", "--", "/*", "*/",
      "' OR '1'='1", "'; DROP TABLE countries; --", "\"; DELETE FROM countries; --", "$1", "$2", "?",
      ":name", "%", "_", "*", "[a]", "{0}", "{1}", "$$", "$q$", "E'\\x41'", "NULL", "\\N", "`",
      "🙂", "ß", "日本語", "\u202E", "\u00A0", "\r\n", "\t", " ", "", "x", "é", "\uD83D\uDE00\u200D");

  /** A few thousand distinct hostile strings: every fragment pair, and seeded random triples. */
  static List<String> hostile() {
    Set<String> out = new LinkedHashSet<>();
    for (String a : FRAGMENTS) {
      for (String b : FRAGMENTS) {
        out.add(a + b);
      }
    }
    int n = FRAGMENTS.size();
    java.util.Random random = new java.util.Random(42);
    while (out.size() < 3200) {
      out.add(FRAGMENTS.get(random.nextInt(n)) + FRAGMENTS.get(random.nextInt(n)) + "' ; "
          + FRAGMENTS.get(random.nextInt(n)));
    }
    return new ArrayList<>(out);
  }

  public record Odd(Integer id, String value, String other) {}

  /** Identifiers from schema code with quotes, spaces, semicolons and comment markers. */
  public static final class OddTable extends Table<Odd> {
    public final Column<Integer> id = integer("i\"d; --").primaryKey();
    public final Column<String> value = text("va'l ue");
    public final Column<String> other = varchar("o\"th/*er*/", 300);

    public OddTable() { super("odd \"ta'ble; drop"); }
  }

  public static final OddTable ODD = new OddTable();

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {ODD}; }

  /**
   * What the database's {@code =} and {@code IN} compare of a text value under the columns' default
   * collation: the value itself, unless the collation ignores part of it (MariaDB's default
   * collation is PAD SPACE: trailing spaces do not count, so {@code eq("''")} also finds
   * {@code "'' "}). Every value must still round-trip exactly; only which rows match is widened.
   */
  protected String equalityKey(String value) { return value; }

  /** The values {@code =} must find for {@code v}: those with the same {@link #equalityKey}. */
  private List<String> equalTo(List<String> values, java.util.Collection<String> wanted) {
    Set<String> keys = wanted.stream().map(this::equalityKey).collect(Collectors.toSet());
    return values.stream().filter(x -> keys.contains(equalityKey(x))).toList();
  }

  /** Whether the database stores a NUL character in text (PostgreSQL does not). */
  protected boolean storesNul() { return true; }

  @Test
  void hostileValuesRoundTripThroughEveryBindPath() {
    db.insertInto(COUNTRIES).values(new Country(null, "canary")).execute().block(T);
    List<String> values = hostile();
    assertThat(values.size()).isGreaterThan(2000);

    // insert (multi-row batch and single rows)
    List<User> users = values.stream().map(v -> new User(null, v, null, null, null)).toList();
    int single = 200;
    db.insertInto(USERS).values(users.subList(single, users.size())).execute().block(T);
    Flux.fromIterable(users.subList(0, single)).concatMap(u -> db.insertInto(USERS).values(u).execute())
        .blockLast(T);
    Map<Integer, String> byId = db.selectFrom(USERS).fetch()
        .collectMap(User::id, User::fullName).block(T);
    assertThat(byId.values()).containsExactlyInAnyOrderElementsOf(values);
    Map<String, Integer> idOf = byId.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    // where eq: exactly the row of that value (and those the collation deems equal)
    Flux.fromIterable(values).flatMap(v -> db.selectFrom(USERS).where(eq(USERS.fullName, v)).fetch()
            .collectList().doOnNext(found -> assertThat(found).extracting(User::fullName).as("eq %s", v)
                .contains(v).containsExactlyInAnyOrderElementsOf(equalTo(values, List.of(v)))), 4)
        .blockLast(T);

    // where in: chunks of 50
    for (int i = 0; i < values.size(); i += 50) {
      List<String> chunk = values.subList(i, Math.min(values.size(), i + 50));
      assertThat(db.selectFrom(USERS).where(in(USERS.fullName, chunk)).fetch().map(User::fullName)
          .collectList().block(T)).containsAll(chunk).containsExactlyInAnyOrderElementsOf(equalTo(values, chunk));
    }

    // like: a pattern without wildcards or escapes matches exactly itself
    List<String> literal = values.stream()
        .filter(v -> !v.contains("%") && !v.contains("_") && !v.contains("\\")).toList();
    Flux.fromIterable(literal).flatMap(v -> db.selectFrom(USERS).where(like(USERS.fullName, v)).fetch()
            .map(User::fullName).collectList()
            .doOnNext(found -> assertThat(found).as("LIKE %s", v).containsExactly(v)), 4)
        .blockLast(T);

    // raw sql(...) arguments are bound, never spliced
    List<String> sample = every(values, 5);
    Flux.fromIterable(sample).flatMap(v -> db.selectFrom(USERS)
            .where(sql("{0} = {1}", USERS.fullName, v)).fetch().map(User::fullName).collectList()
            .doOnNext(found -> assertThat(found).contains(v)
                .containsExactlyInAnyOrderElementsOf(equalTo(values, List.of(v)))), 4)
        .blockLast(T);

    // update set: write each sampled value (wrapped in more quotes) onto its row, then read back
    Flux.fromIterable(sample).flatMap(v -> db.update(USERS).set(USERS.fullName, "u" + v + "'")
        .where(eq(USERS.id, idOf.get(v))).execute(), 4).blockLast(T);
    Map<Integer, String> after = db.selectFrom(USERS).fetch().collectMap(User::id, User::fullName).block(T);
    for (String v : sample) {
      assertThat(after.get(idOf.get(v))).isEqualTo("u" + v + "'");
    }

    // nothing else ran: every row is still there, and the canary survived
    assertThat(after).hasSize(values.size());
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T))
        .containsExactly("canary");
    System.out.printf("[fault] %s: %d hostile strings round-tripped through insert, eq, in, like (%d), "
        + "sql(...) and update set (%d)%n", target().name(), values.size(), literal.size(), sample.size());
  }

  @Test
  void identifiersFromSchemaCodeAreQuoted() {
    List<String> values = every(hostile(), 7);
    List<Odd> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(new Odd(i, values.get(i), values.get(values.size() - 1 - i)));
    }
    db.insertInto(ODD).values(rows).execute().block(T);
    assertThat(db.selectFrom(ODD).orderBy(ODD.id).fetch().collectList().block(T)).isEqualTo(rows);
    for (int i = 0; i < values.size(); i += 37) {
      assertThat(db.selectFrom(ODD).where(and(eq(ODD.value, values.get(i)), eq(ODD.id, i))).fetch()
          .collectList().block(T)).containsExactly(rows.get(i));
    }
    db.update(ODD).set(ODD.other, "x'; --").where(eq(ODD.id, 0)).execute().block(T);
    assertThat(db.selectFrom(ODD).where(eq(ODD.id, 0)).fetchOne().block(T).other()).isEqualTo("x'; --");
    assertThat(db.deleteFrom(ODD).where(eq(ODD.id, 1)).execute().block(T)).isEqualTo(1L);
    assertThat(db.selectFrom(ODD).fetch().count().block(T)).isEqualTo(values.size() - 1L);
  }

  @Test
  void aNulCharacterRoundTripsOrIsATypedError() {
    String withNul = "a\u0000b'; --";
    if (storesNul()) {
      db.insertInto(USERS).values(new User(null, withNul, null, null, null)).execute().block(T);
      assertThat(db.selectFrom(USERS).where(eq(USERS.fullName, withNul)).fetch().map(User::fullName)
          .collectList().block(T)).containsExactly(withNul);
    } else {
      StepVerifier.create(db.insertInto(USERS).values(new User(null, withNul, null, null, null)).execute())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataException.class))
          .verify(T);
      assertThat(db.selectFrom(USERS).fetch().count().block(T)).isZero();
    }
  }

  private static List<String> every(List<String> values, int step) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += step) {
      out.add(values.get(i));
    }
    return out;
  }
}
