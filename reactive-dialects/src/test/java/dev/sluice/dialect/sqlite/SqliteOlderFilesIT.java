package dev.sluice.dialect.sqlite;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.ContractBase;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files written by earlier versions still read correctly: a {@code timestamptz} stored as text with
 * its offset ({@code 2024-05-01 11:00:00+02:00}) and a decimal in a {@code NUMERIC(p, s)} column
 * (stored as a number) read back as the values written; new rows in such a table are kept as
 * before, and new tables get the exact forms.
 */
class SqliteOlderFilesIT extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  public record Legacy(Integer id, OffsetDateTime at, BigDecimal amount) {}

  public static final class Legacies extends Table<Legacy> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<OffsetDateTime> at = timestamptz("at");
    public final Column<BigDecimal> amount = decimal("amount", 12, 2);

    public Legacies() { super("legacies"); }
  }

  private static final Legacies LEGACIES = new Legacies();

  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

  @Test
  void valuesWrittenTheOldWayReadBackAsWritten() {
    db.sql("DROP TABLE IF EXISTS legacies").execute().block(T);
    db.sql("CREATE TABLE legacies (id INTEGER PRIMARY KEY, at TEXT, amount NUMERIC(12, 2))").execute().block(T);
    db.sql("INSERT INTO legacies VALUES (1, '2024-05-01 11:00:00+02:00', 1234.5),"
        + " (2, '2024-05-01 09:30:00.25Z', 99.9), (3, '2024-05-01 10:00:00', 7)").execute().block(T);
    List<Legacy> rows = db.selectFrom(LEGACIES).orderBy(LEGACIES.id).fetch().collectList().block(T);
    assertThat(rows).extracting(r -> r.at().toInstant()).containsExactly(
        OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC).toInstant(),
        OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 250_000_000, ZoneOffset.UTC).toInstant(),
        OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC).toInstant());
    assertThat(rows).extracting(Legacy::amount).containsExactly(new BigDecimal("1234.50"),
        new BigDecimal("99.90"), new BigDecimal("7.00"));
    // the old NUMERIC column still compares as numbers, with a bound decimal
    assertThat(db.select(LEGACIES.id).from(LEGACIES).where(gt(LEGACIES.amount, new BigDecimal("100")))
        .fetch().map(r -> r.value1()).collectList().block(T)).containsExactly(1);
    // a row written now is stored in UTC, without an offset
    db.insertInto(LEGACIES).values(new Legacy(4, OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0,
        ZoneOffset.ofHours(2)), new BigDecimal("1.25"))).execute().block(T);
    assertThat(db.sql("SELECT at FROM legacies WHERE id = 4").fetch().map(r -> r.get(0, String.class))
        .blockFirst(T)).isEqualTo("2024-05-01 10:00:00");
    db.sql("DROP TABLE legacies").execute().block(T);
  }
}
