package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Order;
import dev.sluice.query.Row1;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UNION / INTERSECT / EXCEPT and INSERT ... SELECT, on a live database. */
public abstract class CompoundContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @BeforeEach
  void seed() {
    db.insertInto(USERS).values(List.of(new User(null, "ann", null, null, null),
        new User(null, "bob", null, null, null))).execute().block(T);
    db.insertInto(CHAT_GROUPS).values(List.of(new ChatGroup(null, "bob"), new ChatGroup(null, "cooks")))
        .execute().block(T);
  }

  private List<String> names(dev.sluice.query.Compound<Row1<String>> q) {
    return q.fetch().map(Row1::value1).collectList().block(T);
  }

  @Test
  void combinesQueriesWithSetOperators() {
    var users = db.select(USERS.fullName).from(USERS);
    var groups = db.select(CHAT_GROUPS.name).from(CHAT_GROUPS);
    assertThat(names(users.union(groups).orderBy(USERS.fullName, Order.ASC)))
        .containsExactly("ann", "bob", "cooks");
    assertThat(names(users.unionAll(groups))).hasSize(4);
    assertThat(names(users.intersect(groups))).containsExactly("bob");
    assertThat(names(users.except(groups))).containsExactly("ann");
    assertThat(names(users.union(groups).orderBy(USERS.fullName, Order.DESC).limit(2)))
        .containsExactly("cooks", "bob");
  }

  @Test
  void aCombinedQueryReadsAsOneList() {
    var users = db.select(USERS.fullName).from(USERS);
    var groups = db.select(CHAT_GROUPS.name).from(CHAT_GROUPS);
    assertThat(users.union(groups).orderBy(USERS.fullName, Order.ASC).fetchList().block(T))
        .extracting(Row1::value1).containsExactly("ann", "bob", "cooks");
  }

  @Test
  void aPartCannotBeOrderedOnItsOwn() {
    assertThatThrownBy(() -> db.select(USERS.fullName).from(USERS).orderBy(USERS.fullName)
        .union(db.select(CHAT_GROUPS.name).from(CHAT_GROUPS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("combined query");
  }

  @Test
  void insertsTheRowsOfAQuery() {
    long n = db.insertInto(COUNTRIES).fromSelect(db.select(upper(USERS.fullName)).from(USERS),
        COUNTRIES.name).execute().block(T);
    assertThat(n).isEqualTo(2);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).fetch().map(Country::name).collectList()
        .block(T)).containsExactly("ANN", "BOB");
    assertThatThrownBy(() -> db.insertInto(COUNTRIES).fromSelect(db.select(USERS.id).from(USERS),
        COUNTRIES.name)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Integer");
  }
}
