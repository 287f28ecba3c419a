package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Literals.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sluice.error.DataException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.testing.Literals;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;

/**
 * Values turned into literals by DDL (column defaults of every type, enum labels) are stored
 * exactly: each table is created, a row that names only its key takes every default, and each value
 * read back equals the Java value. The strings hold quotes, backslashes (an escape character in
 * MySQL's default SQL mode), newlines, {@code %}, {@code _}, dollar quotes and unicode.
 */
public abstract class DdlLiteralContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  /** Whether the database stores a NUL character in text; if not, a NUL default is refused. */
  protected boolean storesNulInText() {
    return false;
  }

  /**
   * The statements that switch a session to the other reading of string literals and back, for a
   * database that has one: MySQL's {@code NO_BACKSLASH_ESCAPES}, PostgreSQL's
   * {@code standard_conforming_strings = off}. None by default.
   */
  protected List<String> otherStringMode() {
    return List.of();
  }

  /** Creates {@code table} afresh and inserts a row with id 1, naming no other column. */
  private void createAndInsertKeyOnly(Table<?> table, Column<Integer> id) {
    db.dropTables(table).then(db.createTables(table)).block(T);
    db.sql("INSERT INTO {0} ({1}) VALUES ({2})", table, id, 1).execute().block(T);
  }

  /** As {@link #createAndInsertKeyOnly}, the table created by a session in the other string mode. */
  private void createInOtherModeAndInsertKeyOnly(Table<?> table, Column<Integer> id) {
    List<String> mode = otherStringMode();
    db.inTransaction(tx -> tx.sql(mode.get(0)).execute()
            .then(tx.dropTables(table)).then(tx.createTables(table))
            .onErrorResume(e -> tx.sql(mode.get(1)).execute().then(Mono.error(e)))
            .then(tx.sql(mode.get(1)).execute()))
        .blockLast(T);
    db.sql("INSERT INTO {0} ({1}) VALUES ({2})", table, id, 1).execute().block(T);
  }

  private <V> V stored(Table<?> table, Column<V> column) {
    return db.select(column).from(table).fetchOne().block(T).value1();
  }

  @Test
  void stringDefaultsAreStoredExactly() {
    createAndInsertKeyOnly(STRING_DEFAULTS, STRING_DEFAULTS.id);
    assertStringDefaults();
  }

  @Test
  void literalsMeanTheSameUnderTheOtherStringMode() {
    assumeFalse(otherStringMode().isEmpty(), "the database reads string literals one way only");
    createInOtherModeAndInsertKeyOnly(STRING_DEFAULTS, STRING_DEFAULTS.id);
    assertStringDefaults();
    createInOtherModeAndInsertKeyOnly(ENUM_DEFAULTS, ENUM_DEFAULTS.id);
    assertEnumLabels();
  }

  private void assertStringDefaults() {
    for (Column<?> c : STRING_DEFAULTS.columns()) {
      if (c != STRING_DEFAULTS.id) {
        assertThat(stored(STRING_DEFAULTS, c)).as("default of %s", c.name()).isEqualTo(c.defaultValue());
      }
    }
  }

  @Test
  void typedDefaultsAreStoredExactly() {
    var t = TYPED_DEFAULTS;
    createAndInsertKeyOnly(t, t.id);
    for (Column<?> c : t.columns()) {
      if (c == t.id || c.dataType().kind() == dev.sluice.schema.SqlKind.DECIMAL) {
        continue;
      }
      Object v = stored(t, c);
      if (c == t.doc) {
        assertThat(v.toString().replace(" ", "")).as(c.name())
            .isEqualTo(c.defaultValue().toString().replace(" ", ""));
      } else {
        assertThat(v).as(c.name()).isEqualTo(c.defaultValue());
      }
    }
  }

  @Test
  void decimalDefaultsAreStoredExactly() {
    var t = TYPED_DEFAULTS;
    createAndInsertKeyOnly(t, t.id);
    assertThat(stored(t, t.amount)).isEqualByComparingTo(t.amount.defaultValue());
    assertThat(stored(t, t.tiny)).isEqualByComparingTo(t.tiny.defaultValue());
  }

  @Test
  void enumLabelsAndTheirDefaultAreStoredExactly() {
    createAndInsertKeyOnly(ENUM_DEFAULTS, ENUM_DEFAULTS.id);
    assertEnumLabels();
  }

  private void assertEnumLabels() {
    var t = ENUM_DEFAULTS;
    assertThat(stored(t, t.odd)).isEqualTo(Literals.Odd.BOTH);
    int id = 2;
    for (Literals.Odd o : Literals.Odd.values()) {
      final int key = id++;
      db.sql("INSERT INTO {0} ({1}) VALUES ({2})", t, t.id, key).execute().block(T);
      db.update(t).set(t.odd, o).where(eq(t.id, key)).execute().block(T);
      assertThat(db.select(t.odd).from(t).where(eq(t.id, key)).fetchOne().block(T).value1())
          .as(label(o)).isEqualTo(o);
      assertThat(db.select(t.id).from(t).where(eq(t.odd, o)).fetch().map(r -> r.value1()).collectList()
          .block(T)).as("found by %s", label(o)).contains(key);
    }
  }

  @Test
  void aNulInADefaultIsStoredOrRefusedWithATypedError() {
    var t = NUL_DEFAULT;
    if (storesNulInText()) {
      createAndInsertKeyOnly(t, t.id);
      assertThat(stored(t, t.nul)).isEqualTo("a\u0000b");
      return;
    }
    db.dropTables(t).block(T);
    assertThatThrownBy(() -> db.createTables(t).block(T)).isInstanceOf(DataException.class)
        .hasMessageContaining("literal_nul").hasMessageContaining("nul").hasMessageContaining("NUL");
  }
}
