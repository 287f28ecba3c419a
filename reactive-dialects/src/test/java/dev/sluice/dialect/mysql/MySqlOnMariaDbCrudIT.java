package dev.sluice.dialect.mysql;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;

import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.testing.Country;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MySqlOnMariaDbCrudIT extends CrudContract {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }

  @Test
  void deleteCannotReturnRows() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.id, 1))
        .returning().blockLast(T)).isInstanceOf(dev.sluice.error.UnsupportedByDialectException.class);
  }
}
