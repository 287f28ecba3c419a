package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.ZoneId;
import java.util.Collection;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** What Sluice adds to a URL's options before it builds a connection factory ({@link Dialects#connectionOptions}). */
class PostgresConnectionOptionsTest {
  private static ConnectionFactoryOptions tuned(String url) {
    return Dialects.connectionOptions(ConnectionFactoryOptions.parse(url));
  }

  @Test
  void aPostgresqlUrlGetsBinaryResultsAndTheExactDecoders() {
    ConnectionFactoryOptions o = tuned("r2dbc:postgresql://postgres@127.0.0.1:5432/test");
    assertThat(o.getValue(PostgresConnectionOptions.FORCE_BINARY)).isEqualTo(true);
    assertThat((Collection<?>) o.getValue(PostgresConnectionOptions.EXTENSIONS))
        .singleElement().isInstanceOf(PostgresExactCodecs.class);
    assertThat(o.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("127.0.0.1");
    assertThat(o.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("test");
  }

  @Test
  void aUrlThatSetsForceBinaryKeepsItsChoice() {
    ConnectionFactoryOptions o = tuned("r2dbc:postgresql://127.0.0.1/test?forceBinary=false");
    assertThat(o.getValue(PostgresConnectionOptions.FORCE_BINARY)).isEqualTo("false");
  }

  @Test
  void tuningTwiceAddsTheDecodersOnce() {
    ConnectionFactoryOptions once = tuned("r2dbc:postgres://127.0.0.1/test");
    ConnectionFactoryOptions twice = Dialects.connectionOptions(once);
    assertThat((Collection<?>) twice.getValue(PostgresConnectionOptions.EXTENSIONS)).hasSize(1);
  }

  @Test
  void anotherDriversUrlIsLeftAsItIs() {
    ConnectionFactoryOptions given = ConnectionFactoryOptions.parse("r2dbc:mariadb://root@127.0.0.1:3306/test");
    assertThat(Dialects.connectionOptions(given)).isEqualTo(given);
  }

  @Test
  void theSessionZoneIsTheTimeZoneOptionOrTheJvms() {
    assertThat(PostgresConnectionOptions.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(PostgresConnectionOptions.zone(TimeZone.getTimeZone("Asia/Kolkata"))).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(PostgresConnectionOptions.zone(null)).isEqualTo(ZoneId.systemDefault());
  }
}
