package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.SluiceException;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bound values stay out of every translated error, for every dialect, whatever the driver wrote:
 * the value quoted in the driver's message (SQL Server's "The duplicate key value is (...)", MySQL's
 * "Duplicate entry '...'", PostgreSQL's "invalid input syntax ... \"...\"") and in the driver
 * error's own causes. Unless values may be revealed, in which case the driver error stays attached.
 */
class RedactionTest {
  private static final String SECRET = "s3cr3t-Qx7@example.org";
  private static final RenderedSql SQL = new RenderedSql("INSERT INTO users (email, n) VALUES (?, ?)",
      List.of(new Bind(SECRET, String.class), new Bind(42, Integer.class)));

  static Stream<Arguments> cases() {
    List<R2dbcException> errors = List.of(
        new R2dbcDataIntegrityViolationException("Violation of UNIQUE KEY constraint 'uq'. Cannot insert duplicate key "
            + "in object 'dbo.users'. The duplicate key value is (" + SECRET + ").", "23000", 2627,
            new IllegalStateException("driver detail: " + SECRET)),
        new R2dbcDataIntegrityViolationException("Duplicate entry '" + SECRET + "' for key 'email'", "23000", 1062),
        new R2dbcException("invalid input syntax for type integer: \"" + SECRET + "\"", "22P02", 0,
            new R2dbcException("nested " + SECRET) { }) { },
        new R2dbcException("value (42) out of range", "22003", 0) { });
    return Dialects.all().stream().flatMap(d -> errors.stream().map(e -> Arguments.of(d.name(), d, e)));
  }

  private static String logged(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void noBoundValueInTheWholeChain(String name, Dialect dialect, R2dbcException driverError) {
    SluiceException e = dialect.translate(driverError, SQL, false);
    assertThat(logged(e)).doesNotContain(SECRET).doesNotContain("(42)");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
      assertThat(t).isNotSameAs(driverError);
    }
    assertThat(e.sqlState()).isEqualTo(driverError.getSqlState());
    assertThat(e.vendorCode()).isEqualTo(driverError.getErrorCode());
    assertThat(logged(e)).contains(driverError.getClass().getName());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void revealedValuesKeepTheDriverError(String name, Dialect dialect, R2dbcException driverError) {
    SluiceException e = dialect.translate(driverError, SQL, true);
    assertThat(e.getCause()).isSameAs(driverError);
    assertThat(e.getMessage()).contains(SECRET);
  }
}
