package dev.sluice;

import dev.sluice.internal.RecentWrites;
import java.util.function.Function;
import reactor.util.context.Context;

/**
 * Opens a read-your-writes session in the Reactor {@code Context}, for databases with read replicas
 * and a window ({@link DatabaseBuilder#readYourWrites}): in the window after a write of the session,
 * its reads go to the primary, which has the write, instead of a replica that may lag. A session is
 * usually one request: everything subscribed below the {@code contextWrite} shares it.
 *
 * <pre>{@code
 * Mono<User> renamed = db.update(USERS).set(USERS.fullName, "Ada").where(eq(USERS.id, 7)).execute()
 *     .then(db.selectFrom(USERS).where(eq(USERS.id, 7)).fetchOne())   // on the primary: sees "Ada"
 *     .contextWrite(ReadYourWrites.session());
 * }</pre>
 *
 * Without a session in the Context no write is remembered, and reads go to the replicas.
 */
public final class ReadYourWrites {
  private ReadYourWrites() {}

  /**
   * For {@code contextWrite}: a fresh session for each subscription, unless the Context carries one
   * already (an outer session is kept).
   */
  public static Function<Context, Context> session() {
    return RecentWrites::open;
  }
}
