package dev.sluice.studio;

import static dev.sluice.studio.StudioDatabase.T;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Database;
import dev.sluice.Transaction;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The studio's API on PostgreSQL (a database of this run's own on 127.0.0.1:5432). */
class PostgresStudioApiIT extends StudioApiContract {
  @Override Database open() {
    return StudioDatabase.postgres("sluice_studio_api");
  }

  /**
   * An edit that reaches a row another transaction holds waits for it (SELECT ... FOR UPDATE), then
   * compares with what that transaction committed: a 409, not an overwrite. Without the lock the
   * edit would read the old row, find it unchanged and overwrite the other transaction's value.
   */
  @Test
  void anEditWaitsForARowLockedByAnotherTransactionThenReportsItsChange() throws Exception {
    ObjectNode old = shown(30);
    Transaction other = db.beginTransaction().block(T);
    other.run(db.sql("UPDATE parts SET note = {0} WHERE id = {1}", "held", 30).execute()).block(T);
    CompletableFuture<Reply> edit = CompletableFuture.supplyAsync(() ->
        edit(writable, "{\"key\":{\"id\":30},\"old\":" + old + ",\"values\":{\"name\":\"mine\"}}"));
    // the edit's transaction is seen waiting for the row lock before the other one commits
    Mono.defer(() -> db.sql("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock'").fetch().next().map(r -> r.get("n", Long.class)))
        .repeat().filter(n -> n > 0).next().block(T);
    assertThat(edit).isNotDone();
    other.commit().block(T);
    Reply r = edit.get();
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().get("column").asText()).isEqualTo("note");
    assertThat(r.body().get("current").asText()).isEqualTo("held");
    assertThat(stored(30).get("name", String.class)).isEqualTo("part-30");
    assertThat(stored(30).get("note", String.class)).isEqualTo("held");
  }
}
