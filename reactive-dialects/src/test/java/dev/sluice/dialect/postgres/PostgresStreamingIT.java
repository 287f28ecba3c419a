package dev.sluice.dialect.postgres;

import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresStreamingIT extends StreamingContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
