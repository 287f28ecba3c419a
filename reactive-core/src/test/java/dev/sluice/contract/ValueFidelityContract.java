package dev.sluice.contract;

import static dev.sluice.contract.FidelitySchema.EXTRAS;
import static dev.sluice.contract.FidelitySchema.SCALARS;
import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sluice.error.DataException;
import dev.sluice.contract.FidelitySchema.Extras;
import dev.sluice.contract.FidelitySchema.Scalars;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every column kind, with its edge values, written through every write path and read back exactly;
 * compared and ordered in SQL as in Java. A value a database cannot hold is refused with a
 * {@link DataException} naming its column, and nothing is written: never stored changed.
 */
public abstract class ValueFidelityContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {SCALARS, EXTRAS}; }

  private List<Scalars> readScalars() {
    return db.selectFrom(SCALARS).orderBy(SCALARS.id).fetch().collectList().block(T);
  }

  private List<Extras> readExtras() {
    return db.selectFrom(EXTRAS).orderBy(EXTRAS.id).fetch().collectList().block(T);
  }

  private void assertReadBack(List<Scalars> scalars, List<Extras> extras) {
    assertThat(FidelityValues.differences(scalars, readScalars())).as("scalars").isEmpty();
    assertThat(FidelityValues.differences(extras, readExtras())).as("extras").isEmpty();
  }

  // ---- every write path ---------------------------------------------------------------------

  @Test
  void singleInsertsReadBackExactly() {
    List<Scalars> scalars = FidelityValues.scalars(1);
    List<Extras> extras = FidelityValues.extras(1);
    List<Scalars> returned = Flux.fromIterable(scalars)
        .concatMap(r -> db.insertInto(SCALARS).values(r).returning()).collectList().block(T);
    List<Extras> returnedExtras = Flux.fromIterable(extras)
        .concatMap(r -> db.insertInto(EXTRAS).values(r).returning()).collectList().block(T);
    assertThat(FidelityValues.differences(scalars, returned)).as("returned scalars").isEmpty();
    assertThat(FidelityValues.differences(extras, returnedExtras)).as("returned extras").isEmpty();
    assertReadBack(scalars, extras);
  }

  /** On PostgreSQL the scalars take the array path ({@code unnest}), the extras multi-row VALUES. */
  @Test
  void multiRowInsertsReadBackExactly() {
    List<Scalars> scalars = FidelityValues.scalars(1);
    List<Extras> extras = FidelityValues.extras(1);
    assertThat(db.insertInto(SCALARS).values(scalars).execute().block(T)).isEqualTo(scalars.size());
    assertThat(db.insertInto(EXTRAS).values(extras).execute().block(T)).isEqualTo(extras.size());
    assertReadBack(scalars, extras);
  }

  @Test
  void streamedInsertsReadBackExactly() {
    List<Scalars> scalars = FidelityValues.scalars(1);
    List<Extras> extras = FidelityValues.extras(1);
    assertThat(db.insertInto(SCALARS).values(Flux.fromIterable(scalars)).execute().block(T))
        .isEqualTo(scalars.size());
    assertThat(db.insertInto(EXTRAS).values(Flux.fromIterable(extras)).execute().block(T))
        .isEqualTo(extras.size());
    assertReadBack(scalars, extras);
  }

  @Test
  void updatesWriteExactly() {
    List<Scalars> scalars = FidelityValues.scalars(1);
    List<Extras> extras = FidelityValues.extras(1);
    db.insertInto(SCALARS).values(scalars.stream().map(r -> Scalars.key(r.id())).toList()).execute().block(T);
    db.insertInto(EXTRAS).values(extras.stream().map(r -> Extras.key(r.id())).toList()).execute().block(T);
    Flux.fromIterable(scalars).concatMap(r -> db.update(SCALARS).set(SCALARS.small, r.small())
        .set(SCALARS.medium, r.medium()).set(SCALARS.big, r.big()).set(SCALARS.amount, r.amount())
        .set(SCALARS.ratio, r.ratio()).set(SCALARS.score, r.score()).set(SCALARS.flag, r.flag())
        .set(SCALARS.name, r.name()).set(SCALARS.code, r.code()).set(SCALARS.body, r.body())
        .set(SCALARS.day, r.day()).set(SCALARS.stamp, r.stamp()).set(SCALARS.stampTz, r.stampTz())
        .set(SCALARS.uid, r.uid()).where(eq(SCALARS.id, r.id())).execute()).blockLast(T);
    Flux.fromIterable(extras).concatMap(r -> db.update(EXTRAS).set(EXTRAS.clock, r.clock())
        .set(EXTRAS.doc, r.doc()).set(EXTRAS.docb, r.docb()).set(EXTRAS.payload, r.payload())
        .set(EXTRAS.mood, r.mood()).where(eq(EXTRAS.id, r.id())).execute()).blockLast(T);
    assertReadBack(scalars, extras);
  }

  /** Half the rows exist (the upsert updates them), half do not (the upsert inserts them). */
  @Test
  void upsertsWriteExactly() {
    List<Scalars> scalars = FidelityValues.scalars(1);
    List<Extras> extras = FidelityValues.extras(1);
    int half = scalars.size() / 2;
    db.insertInto(SCALARS).values(scalars.subList(0, half).stream().map(r -> Scalars.key(r.id())).toList())
        .execute().block(T);
    db.insertInto(EXTRAS).values(extras.subList(0, half).stream().map(r -> Extras.key(r.id())).toList())
        .execute().block(T);
    db.insertInto(SCALARS).values(scalars).onConflict(SCALARS.id).doUpdateAll().execute().block(T);
    db.insertInto(EXTRAS).values(extras).onConflict(EXTRAS.id).doUpdateAll().execute().block(T);
    assertReadBack(scalars, extras);
    // and one row at a time
    db.deleteFrom(SCALARS).all().execute().block(T);
    Flux.fromIterable(scalars).concatMap(r -> db.insertInto(SCALARS).values(r).onConflict(SCALARS.id)
        .doUpdateAll().execute()).blockLast(T);
    assertThat(FidelityValues.differences(scalars, readScalars())).as("single-row upserts").isEmpty();
  }

  @Test
  void tenMegabytesOfTextReadBackExactly() {
    StringBuilder b = new StringBuilder(10_000_000);
    String chunk = "0123456789abcdef \u00E9\u4E2D\uD83D\uDE00\n";
    while (b.length() < 10_000_000) {
      b.append(chunk);
    }
    String big = b.toString();
    Scalars row = new Scalars(1, null, null, null, null, null, null, null, null, null, big, null, null,
        null, null);
    db.insertInto(SCALARS).values(row).execute().block(T);
    String read = db.select(SCALARS.body).from(SCALARS).where(eq(SCALARS.id, 1)).fetch()
        .map(r -> r.value1()).blockFirst(T);
    assertThat(read.length()).isEqualTo(big.length());
    assertThat(read.equals(big)).as("10 MB text read back equal").isTrue();
  }

  // ---- compared and ordered in SQL ----------------------------------------------------------

  @Test
  void orderByAndComparisonsAgreeWithJava() {
    List<Scalars> rows = FidelityValues.scalars(1);
    db.insertInto(SCALARS).values(rows).execute().block(T);
    List<Extras> extras = FidelityValues.extras(1);
    db.insertInto(EXTRAS).values(extras).execute().block(T);
    checkOrder(SCALARS.small, rows, Scalars::small, Comparator.naturalOrder());
    checkOrder(SCALARS.medium, rows, Scalars::medium, Comparator.naturalOrder());
    checkOrder(SCALARS.big, rows, Scalars::big, Comparator.naturalOrder());
    checkOrder(SCALARS.amount, rows, Scalars::amount, Comparator.naturalOrder());
    checkOrder(SCALARS.ratio, rows, Scalars::ratio, Comparator.naturalOrder());
    checkOrder(SCALARS.score, rows, Scalars::score, Comparator.naturalOrder());
    checkOrder(SCALARS.day, rows, Scalars::day, Comparator.naturalOrder());
    checkOrder(SCALARS.stamp, rows, Scalars::stamp, Comparator.naturalOrder());
    checkOrder(SCALARS.stampTz, rows, Scalars::stampTz, Comparator.comparing(OffsetDateTime::toInstant));
    checkOrder(EXTRAS.clock, extras, Extras::clock, Comparator.naturalOrder());
    // equality only: string and UUID order depends on the database's collation and UUID layout
    checkEquality(SCALARS.name, rows, Scalars::name);
    checkEquality(SCALARS.code, rows, Scalars::code);
    checkEquality(SCALARS.uid, rows, Scalars::uid);
    checkEquality(SCALARS.flag, rows, Scalars::flag);
  }

  /**
   * Three instants, 09:00Z, 09:30Z and 10:00Z, written with the offsets +02:00, Z and -05:00 (as
   * text, 11:00+02:00 sorts after 05:00-05:00): sorted, compared and matched as instants.
   */
  @Test
  void instantsWrittenWithDifferentOffsetsSortAndCompareAsInstants() {
    OffsetDateTime a = OffsetDateTime.of(2024, 5, 1, 11, 0, 0, 0, ZoneOffset.ofHours(2));
    OffsetDateTime b = OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    OffsetDateTime c = OffsetDateTime.of(2024, 5, 1, 5, 0, 0, 0, ZoneOffset.ofHours(-5));
    db.insertInto(SCALARS).values(List.of(withStampTz(1, a), withStampTz(2, b), withStampTz(3, c)))
        .execute().block(T);
    assertThat(ids(null, SCALARS.stampTz)).containsExactly(1, 2, 3);
    OffsetDateTime quarterPastNine = OffsetDateTime.of(2024, 5, 1, 18, 15, 0, 0, ZoneOffset.ofHours(9));
    assertThat(ids(gt(SCALARS.stampTz, quarterPastNine), SCALARS.id)).containsExactly(2, 3);
    assertThat(ids(lt(SCALARS.stampTz, quarterPastNine), SCALARS.id)).containsExactly(1);
    OffsetDateTime tenAsCet = OffsetDateTime.of(2024, 5, 1, 11, 0, 0, 0, ZoneOffset.ofHours(1));
    assertThat(ids(eq(SCALARS.stampTz, tenAsCet), SCALARS.id)).containsExactly(3);
  }

  private static Scalars withStampTz(int id, OffsetDateTime at) {
    return new Scalars(id, null, null, null, null, null, null, null, null, null, null, null, null, at, null);
  }

  private List<Integer> ids(dev.sluice.sql.Condition where, Column<?> orderBy) {
    var q = db.select(SCALARS.id).from(SCALARS);
    return (where == null ? q : q.where(where)).orderBy(orderBy, dev.sluice.query.Order.ASC).orderBy(SCALARS.id)
        .fetch().map(r -> r.value1()).collectList().block(T);
  }

  private <R, V> void checkOrder(Column<V> column, List<R> rows, Function<R, V> get, Comparator<V> order) {
    Table<?> table = column.table();
    List<V> expected = rows.stream().map(get).filter(Objects::nonNull).sorted(order).toList();
    List<V> sorted = db.select(column).from(table).where(isNotNull(column)).orderBy(column).fetch()
        .map(r -> r.value1()).collectList().block(T);
    assertThat(FidelityValues.differences(wrap(expected), wrap(sorted))).as("ORDER BY " + column.name())
        .isEmpty();
    List<V> descending = db.select(column).from(table).where(isNotNull(column)).orderBy(column,
        dev.sluice.query.Order.DESC).fetch().map(r -> r.value1()).collectList().block(T);
    List<V> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertThat(FidelityValues.differences(wrap(reversed), wrap(descending))).as("ORDER BY " + column.name()
        + " DESC").isEmpty();
    for (V v : expected) {
      long equal = expected.stream().filter(x -> order.compare(x, v) == 0).count();
      long greater = expected.stream().filter(x -> order.compare(x, v) > 0).count();
      long less = expected.stream().filter(x -> order.compare(x, v) < 0).count();
      assertThat(rows(table, eq(column, v))).as(column.name() + " = " + v).isEqualTo(equal);
      assertThat(rows(table, gt(column, v))).as(column.name() + " > " + v).isEqualTo(greater);
      assertThat(rows(table, lt(column, v))).as(column.name() + " < " + v).isEqualTo(less);
    }
  }

  private <R, V> void checkEquality(Column<V> column, List<R> rows, Function<R, V> get) {
    Table<?> table = column.table();
    for (V v : rows.stream().map(get).filter(Objects::nonNull).distinct().toList()) {
      long equal = rows.stream().map(get).filter(v::equals).count();
      assertThat(rows(table, eq(column, v))).as(column.name() + " = " + FidelityValues.show(v))
          .isEqualTo(equal);
    }
    long nulls = rows.stream().map(get).filter(Objects::isNull).count();
    assertThat(rows(table, isNull(column))).as(column.name() + " IS NULL").isEqualTo(nulls);
  }

  private long rows(Table<?> table, dev.sluice.sql.Condition where) {
    return db.select(count()).from(table).where(where).fetch().map(r -> r.value1()).blockFirst(T);
  }

  private static List<Record> wrap(List<?> values) {
    return values.stream().map(v -> (Record) new One(v)).toList();
  }

  private record One(Object value) {}

  // ---- values a database may not hold: stored exactly, or refused and nothing written -------

  @Test
  void emptyStringIsNotNull() {
    db.insertInto(SCALARS).values(List.of(withName(1, ""), withName(2, null))).execute().block(T);
    assertThat(ids(eq(SCALARS.name, ""), SCALARS.id)).containsExactly(1);
    assertThat(ids(isNull(SCALARS.name), SCALARS.id)).containsExactly(2);
    assertThat(readScalars()).extracting(Scalars::name).containsExactly("", null);
  }

  private static Scalars withName(int id, String name) {
    return new Scalars(id, null, null, null, null, null, null, null, name, null, null, null, null, null, null);
  }

  /**
   * NaN, the infinities and -0.0 in {@code real} and {@code double precision}, and the largest
   * {@code float}s, through a single insert, a many-row insert and an update: each database either
   * keeps the value exactly on every path or refuses it on every path with a {@link DataException}
   * naming the column, writing nothing.
   */
  @Test
  void specialFloatingPointValuesAreKeptOrRefused() {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0}) {
      outcomes.put("double precision " + special, outcome("score", () -> withScore(special),
          r -> r.score(), special, (id, v) -> db.update(SCALARS).set(SCALARS.score, (Double) v)
              .where(eq(SCALARS.id, id)).execute()));
    }
    for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f,
        Float.MAX_VALUE, -Float.MAX_VALUE}) {
      outcomes.put("real " + f, outcome("ratio", () -> withRatio(f), r -> r.ratio(), f,
          (id, v) -> db.update(SCALARS).set(SCALARS.ratio, (Float) v).where(eq(SCALARS.id, id)).execute()));
    }
    System.out.println("[" + target().name() + "] special floating-point values: " + outcomes);
  }

  private Scalars withScore(double v) {
    return new Scalars(0, null, null, null, null, null, v, null, null, null, null, null, null, null, null);
  }

  private Scalars withRatio(float v) {
    return new Scalars(0, null, null, null, null, v, null, null, null, null, null, null, null, null, null);
  }

  private static Scalars withId(Scalars r, int id) {
    return new Scalars(id, r.small(), r.medium(), r.big(), r.amount(), r.ratio(), r.score(), r.flag(),
        r.name(), r.code(), r.body(), r.day(), r.stamp(), r.stampTz(), r.uid());
  }

  /** "kept" or "refused", the same on every path, else the test fails. */
  private String outcome(String column, Supplier<Scalars> row, Function<Scalars, Object> get, Object value,
      java.util.function.BiFunction<Integer, Object, Mono<Long>> update) {
    db.deleteFrom(SCALARS).all().execute().block(T);
    List<String> results = new ArrayList<>();
    results.add(attempt(column, db.insertInto(SCALARS).values(withId(row.get(), 1)).execute(), 1, get, value));
    db.deleteFrom(SCALARS).all().execute().block(T);
    results.add(attempt(column, db.insertInto(SCALARS).values(List.of(Scalars.key(2), withId(row.get(), 3)))
        .execute(), 3, get, value));
    db.deleteFrom(SCALARS).all().execute().block(T);
    db.insertInto(SCALARS).values(Scalars.key(4)).execute().block(T);
    results.add(attempt(column, update.apply(4, value), 4, get, value));
    assertThat(results).as(column + " = " + value + " on single insert, many-row insert, update")
        .containsOnly(results.get(0));
    return results.get(0);
  }

  private String attempt(String column, Mono<Long> write, int id, Function<Scalars, Object> get, Object value) {
    try {
      write.block(T);
    } catch (DataException e) {
      assertThat(e.column()).as("the refused column, in: " + e.getMessage()).isEqualTo(column);
      List<Scalars> rows = readScalars();
      assertThat(rows.stream().filter(r -> r.id() == id).map(get).filter(Objects::nonNull).toList())
          .as("nothing written for a refused " + value).isEmpty();
      return "refused";
    }
    List<Object> read = readScalars().stream().filter(r -> r.id() == id).map(get).toList();
    if (read.size() != 1 || !Objects.equals(read.get(0), value)) {
      fail(column + ": wrote " + value + ", read " + read + ": changed silently");
    }
    return "kept";
  }

  /**
   * A decimal with more digits before the point than {@code decimal(38, 10)} allows is refused with
   * a {@link DataException}, and nothing is written; at the limit it is kept.
   */
  @Test
  void aDecimalTooLargeForItsPrecisionIsRefused() {
    BigDecimal tooLarge = new BigDecimal("10000000000000000000000000000.5");    // 29 digits before the point
    for (BigDecimal v : List.of(tooLarge, tooLarge.negate())) {
      try {
        db.insertInto(SCALARS).values(List.of(Scalars.key(1), withAmount(2, v))).execute().block(T);
        fail(v + " was accepted by decimal(38, 10): read " + readScalars());
      } catch (DataException e) {
        assertThat(readScalars()).as("nothing written").isEmpty();
      }
    }
    BigDecimal limit = new BigDecimal("-0009999999999999999999999999999.0000000001");
    db.insertInto(SCALARS).values(withAmount(3, limit)).execute().block(T);
    assertThat(readScalars()).extracting(Scalars::amount).containsExactly(new BigDecimal("-9999999999999999999999999999.0000000001"));
  }

  private static Scalars withAmount(int id, BigDecimal amount) {
    return new Scalars(id, null, null, null, amount, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A NUL character inside a string, through a single insert, a many-row insert and an update: kept
   * exactly, or refused naming the column on every path (PostgreSQL text cannot hold it).
   */
  @Test
  void nulCharactersAreKeptOrRefused() {
    String nul = "ab\u0000cd";
    String outcome = outcome("name", () -> withName(0, nul), Scalars::name, nul,
        (id, v) -> db.update(SCALARS).set(SCALARS.name, (String) v).where(eq(SCALARS.id, id)).execute());
    System.out.println("[" + target().name() + "] a NUL character in varchar: " + outcome);
  }

  /**
   * A string with a lone UTF-16 surrogate has no UTF-8 form; drivers send {@code ?} instead. It is
   * refused before it is sent, naming the column, on every path, and in a condition too.
   */
  @Test
  void loneSurrogatesAreRefusedNamingTheColumn() {
    String lone = "a\uD800b";
    assertRefused(db.insertInto(SCALARS).values(withName(1, lone)).execute(), "name");
    assertRefused(db.insertInto(SCALARS).values(List.of(withName(1, "ok"), withName(2, "x\uDC00")))
        .execute(), "name");
    assertRefused(db.insertInto(SCALARS).values(Flux.just(withName(1, "ok"), withName(2, lone))).execute(),
        "name");
    assertThat(readScalars()).isEmpty();
    db.insertInto(SCALARS).values(withName(1, "ok \uD83D\uDE00")).execute().block(T);
    assertRefused(db.update(SCALARS).set(SCALARS.body, "tail \uD83D").where(eq(SCALARS.id, 1)).execute(), "body");
    assertRefused(db.insertInto(SCALARS).values(withName(1, lone)).onConflict(SCALARS.id).doUpdateAll()
        .execute(), "name");
    assertRefused(db.selectFrom(SCALARS).where(eq(SCALARS.name, "\uDE00 reversed \uD83D")).fetch().then(Mono.just(0L)),
        "name");
    assertThat(readScalars()).extracting(Scalars::name, Scalars::body).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ok \uD83D\uDE00", null));
    // a raw statement has no column to name: the message names the bound value
    try {
      db.sql("UPDATE fid_scalars SET name = {0}", lone).execute().block(T);
      fail("a lone surrogate in a raw statement was not refused");
    } catch (DataException e) {
      assertThat(e.getMessage()).contains("surrogate").contains("bound value 1");
    }
    assertThat(readScalars()).extracting(Scalars::name).containsExactly("ok \uD83D\uDE00");
  }

  private void assertRefused(Mono<Long> write, String column) {
    try {
      write.block(T);
      fail("a lone surrogate in " + column + " was not refused");
    } catch (DataException e) {
      assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
      assertThat(e.getMessage()).contains("surrogate");
    }
  }
}
