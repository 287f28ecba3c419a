package dev.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.BadSqlException;
import dev.sluice.error.ConcurrencyFailureException;
import dev.sluice.error.ConstraintViolationException;
import dev.sluice.error.DataException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.NonTransientDataException;
import dev.sluice.error.PermissionDeniedException;
import dev.sluice.error.QueryCancelledException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TransientDataException;
import dev.sluice.error.TransientResourceException;
import dev.sluice.error.UncategorizedDatabaseException;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTranslatorTest {
  private static R2dbcException driver(String message, String state, int code) {
    return new R2dbcException(message, state, code) { };
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "23505, UNIQUE", "23503, FOREIGN_KEY", "23502, NOT_NULL", "23514, CHECK", "23000, CONSTRAINT",
      "40001, SERIALIZATION", "40P01, OTHER", "55P03, OTHER", "57014, OTHER", "HYT00, QUERY_TIMEOUT", "22001, VALUE_TOO_LONG", "22P02, DATA", "42804, DATA", "42601, BAD_SQL",
      "42P01, BAD_SQL", "0A000, BAD_SQL", "42501, PERMISSION_DENIED", "25006, PERMISSION_DENIED",
      "28P01, PERMISSION_DENIED", "53300, OTHER", "XX000, OTHER"})
  void classifiesStandardSqlStates(String state, ErrorKind kind) {
    assertThat(ErrorKind.fromSqlState(state)).isEqualTo(kind);
  }

  @Test
  void fallsBackOnTheDriversExceptionType() {
    assertThat(ErrorKind.fromDriverType(new R2dbcBadGrammarException("x"))).isEqualTo(ErrorKind.BAD_SQL);
    assertThat(ErrorKind.fromDriverType(new IllegalStateException(new R2dbcTimeoutException("t"))))
        .isEqualTo(ErrorKind.QUERY_TIMEOUT);
    assertThat(ErrorKind.fromDriverType(new IllegalStateException("x"))).isEqualTo(ErrorKind.OTHER);
  }

  @Test
  void everyKindBuildsATypedExceptionWithItsTransience() {
    R2dbcException e = driver("boom", "XX000", 7);
    for (ErrorKind kind : ErrorKind.values()) {
      SluiceException s = ErrorTranslator.translate(kind, e, new RenderedSql("SELECT 1", List.of()), false);
      assertThat(s.getClass()).as(kind.name()).isNotEqualTo(SluiceException.class);
      assertThat(s.sqlState()).isEqualTo("XX000");
      assertThat(s.vendorCode()).isEqualTo(7);
      assertThat(s.sql()).isEqualTo("SELECT 1");
      boolean transientKind = switch (kind) {
        case SERIALIZATION, DEADLOCK, LOCK_NOT_AVAILABLE, QUERY_CANCELLED, QUERY_TIMEOUT, TRANSIENT_RESOURCE -> true;
        default -> false;
      };
      assertThat(s.isTransient()).as(kind.name()).isEqualTo(transientKind);
      assertThat(s).isInstanceOf(transientKind ? TransientDataException.class : NonTransientDataException.class);
    }
    assertThat(ErrorTranslator.translate(ErrorKind.LOCK_NOT_AVAILABLE, e, null, false))
        .isInstanceOf(LockNotAvailableException.class).isInstanceOf(ConcurrencyFailureException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.QUERY_TIMEOUT, e, null, false))
        .isInstanceOf(QueryTimeoutException.class).isInstanceOf(QueryCancelledException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.BAD_SQL, e, null, false)).isInstanceOf(BadSqlException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.PERMISSION_DENIED, e, null, false))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.TRANSIENT_RESOURCE, e, null, false))
        .isInstanceOf(TransientResourceException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.CONSTRAINT, e, null, false))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.DATA, e, null, false)).isInstanceOf(DataException.class);
    assertThat(ErrorTranslator.translate(ErrorKind.OTHER, e, null, false))
        .isInstanceOf(UncategorizedDatabaseException.class);
  }

  @Test
  void scrubsLongValuesAnywhereAndShortOnesOnlyWhereQuoted() {
    RenderedSql sql = new RenderedSql("?", List.of(new Bind("secret-value", String.class),
        new Bind(7, Integer.class), new Bind(new String[] {"arr-secret"}, String[].class)));
    assertThat(ErrorTranslator.scrub("dup secret-value; key (7) and '7'; 57014 stays; arr-secret", sql))
        .isEqualTo("dup <redacted>; key (<redacted>) and '<redacted>'; 57014 stays; <redacted>");
  }

  @Test
  void theRedactedCauseKeepsCodesAndNamesTheDriverErrorButNotItsCauses() {
    R2dbcException e = new R2dbcException("x secret-value", "23505", 1062,
        new IllegalStateException("inner secret-value")) { };
    Throwable safe = ErrorTranslator.safeCause(e, new RenderedSql("?", List.of(new Bind("secret-value", String.class))),
        false);
    assertThat(safe).isInstanceOf(ErrorTranslator.RedactedDriverError.class).hasNoCause()
        .hasMessage("x <redacted>");
    assertThat(((R2dbcException) safe).getSqlState()).isEqualTo("23505");
    assertThat(((R2dbcException) safe).getErrorCode()).isEqualTo(1062);
    assertThat(safe.toString()).contains(e.getClass().getName());
  }
}
