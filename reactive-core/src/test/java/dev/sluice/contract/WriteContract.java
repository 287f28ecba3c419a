package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import dev.sluice.testing.Country;
import dev.sluice.testing.Generated.Stamp;
import dev.sluice.testing.Generated.Ticket;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Upserts, RETURNING from updates and deletes, and rows whose every column the database generates,
 * on a live database.
 */
public abstract class WriteContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected Table<?>[] extraTables() {
    return new Table<?>[] {dev.sluice.testing.Generated.TICKETS, dev.sluice.testing.Generated.STAMPS};
  }

  private static List<Ticket> tickets(int n) {
    return IntStream.range(0, n).mapToObj(i -> new Ticket(null)).toList();
  }

  private long ticketRows() {
    return db.selectFrom(dev.sluice.testing.Generated.TICKETS).fetch().count().block(T);
  }

  @Test
  void insertsOneRowPerRecordWhenTheDatabaseGeneratesEveryColumn() {
    var tickets = dev.sluice.testing.Generated.TICKETS;
    assertThat(db.insertInto(tickets).values(new Ticket(null)).execute().block(T)).isEqualTo(1L);
    assertThat(db.insertInto(tickets).values(tickets(3)).execute().block(T)).as("reported").isEqualTo(3L);
    assertThat(ticketRows()).as("stored").isEqualTo(4L);
    assertThat(db.selectFrom(tickets).fetch().map(Ticket::id).distinct().count().block(T))
        .as("distinct generated keys").isEqualTo(4L);
  }

  @Test
  void returnsTheGeneratedKeysOfRowsThatNameNoColumn() {
    var tickets = dev.sluice.testing.Generated.TICKETS;
    Ticket one = db.insertInto(tickets).values(new Ticket(null)).returning().block(T);
    assertThat(one.id()).isNotNull();
    List<Ticket> many = db.insertInto(tickets).values(tickets(3)).returning().collectList().block(T);
    assertThat(many).hasSize(3).extracting(Ticket::id).doesNotContainNull().doesNotHaveDuplicates()
        .doesNotContain(one.id());
    assertThat(db.selectFrom(tickets).orderBy(tickets.id).fetch().map(Ticket::id).collectList().block(T))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of(one.id()),
            many.stream().map(Ticket::id)).toList());
  }

  @Test
  void fillsSqlDefaultsOfRowsThatNameNoColumn() {
    var stamps = dev.sluice.testing.Generated.STAMPS;
    List<Stamp> back = db.insertInto(stamps).values(List.of(new Stamp(null, null), new Stamp(null, null)))
        .returning().collectList().block(T);
    assertThat(back).extracting(Stamp::state).containsExactly("open", "open");
    assertThat(back).extracting(Stamp::id).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(db.selectFrom(stamps).fetch().map(Stamp::state).collectList().block(T))
        .containsExactly("open", "open");
  }

  @Test
  void streamsRowsThatNameNoColumnInChunksOfAnySize() {
    var tickets = dev.sluice.testing.Generated.TICKETS;
    var small = builder().maxRowsPerInsert(2).build();
    assertThat(small.insertInto(tickets).values(Flux.fromIterable(tickets(5))).execute().block(T))
        .as("chunks of 2, 2 and 1").isEqualTo(5L);
    assertThat(small.insertInto(tickets).values(Flux.just(new Ticket(null))).execute().block(T))
        .as("a stream of one").isEqualTo(1L);
    assertThat(small.insertInto(tickets).values(Flux.fromIterable(tickets(3))).returning()
        .map(Ticket::id).distinct().count().block(T)).isEqualTo(3L);
    assertThat(small.insertInto(tickets).values(Flux.<Ticket>empty()).execute().block(T)).isZero();
    assertThat(ticketRows()).isEqualTo(9L);
  }

  private List<String> users() {
    return db.selectFrom(USERS).orderBy(USERS.email).fetch().map(u -> u.email() + "=" + u.fullName())
        .collectList().block(T);
  }

  @Test
  void upsertUpdatesTheExistingRow() {
    db.insertInto(USERS).values(new User(null, "Dan", "1", "dan@x.io", null)).execute().block(T);
    db.insertInto(USERS).values(new User(null, "Daniel", "2", "dan@x.io", null))
        .onConflict(USERS.email).doUpdate(USERS.fullName).execute().block(T);
    assertThat(users()).containsExactly("dan@x.io=Daniel");
    assertThat(db.selectFrom(USERS).fetchOne().block(T).phone()).as("not in doUpdate").isEqualTo("1");
  }

  @Test
  void upsertDoNothingKeepsTheExistingRow() {
    db.insertInto(COUNTRIES).values(new Country(null, "Peru")).execute().block(T);
    db.insertInto(COUNTRIES).values(new Country(null, "Peru")).onConflict(COUNTRIES.name).doNothing()
        .execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isEqualTo(1L);
  }

  @Test
  void batchUpsertInsertsNewRowsAndUpdatesOldOnes() {
    List<User> before = db.insertInto(USERS).values(List.of(new User(null, "A", null, "a@x.io", null),
        new User(null, "B", null, "b@x.io", null))).returning().collectList().block(T);
    db.insertInto(USERS).values(List.of(new User(null, "A2", null, "a@x.io", null),
            new User(null, "C", null, "c@x.io", null)))
        .onConflict(USERS.email).doUpdateAll().execute().block(T);
    assertThat(users()).containsExactly("a@x.io=A2", "b@x.io=B", "c@x.io=C");
    User a = db.selectFrom(USERS).where(eq(USERS.email, "a@x.io")).fetchOne().block(T);
    assertThat(a.id()).as("a generated key the batch did not supply is kept").isEqualTo(before.get(0).id());
    assertThat(a.createdAt().toInstant()).as("a database default is not overwritten")
        .isEqualTo(before.get(0).createdAt().toInstant());
  }

  @Test
  void updateAndDeleteCanReturnTheRowsTheyChanged() {
    db.insertInto(USERS).values(List.of(new User(null, "A", null, "a@x.io", null),
        new User(null, "B", null, "b@x.io", null))).execute().block(T);
    assertThat(db.update(USERS).set(USERS.phone, "555").where(eq(USERS.fullName, "A")).returning()
        .map(User::phone).collectList().block(T)).containsExactly("555");
    assertThat(db.deleteFrom(USERS).where(eq(USERS.fullName, "B")).returning().map(User::email)
        .collectList().block(T)).containsExactly("b@x.io");
    assertThat(users()).containsExactly("a@x.io=A");
  }
}
