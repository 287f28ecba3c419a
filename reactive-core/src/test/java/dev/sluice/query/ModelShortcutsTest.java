package dev.sluice.query;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import dev.sluice.testing.Membership;
import dev.sluice.testing.Schema.Users;
import dev.sluice.testing.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements of the model layer's shortcuts, rendered by the standard dialect without a database. */
public class ModelShortcutsTest {
  /** A table without a primary key. */
  public static final class Keyless extends dev.sluice.schema.Table<Country> {
    public final dev.sluice.schema.Column<Integer> id = integer("id");
    public final dev.sluice.schema.Column<String> name = text("name");

    public Keyless() { super("keyless"); }
  }

  private final StandardDialect dialect = new StandardDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void existsSelectsAConstantOfAtMostOneRowWithoutOrdering() {
    var q = db.selectFrom(USERS).where(eq(USERS.email, "a@x")).orderBy(USERS.id).existsQuery();
    var sql = dialect.render(q);
    assertThat(sql.sql()).isEqualTo(
        "SELECT 1 FROM \"users\" WHERE \"email\" = ? FETCH NEXT ? ROWS ONLY");
    assertThat(sql.values()).containsExactly("a@x", 1L);
  }

  @Test
  void buildersStayImmutable() {
    InsertSet<User> one = db.insertInto(USERS).set(USERS.fullName, "Dan");
    InsertSet<User> two = one.set(USERS.phone, "555");
    assertThat(one.toSql(dialect).sql()).isEqualTo("INSERT INTO \"users\" (\"full_name\") VALUES (?)");
    assertThat(two.toSql(dialect).sql())
        .isEqualTo("INSERT INTO \"users\" (\"full_name\", \"phone\") VALUES (?, ?)");
    Values<User> v = Values.of(USERS).set(USERS.fullName, "a");
    assertThat(v.set(USERS.phone, "1").columns()).hasSize(2);
    assertThat(v.columns()).containsExactly(USERS.fullName);
  }

  @Test
  void anInsertOfNoColumnUsesEveryDefault() {
    assertThat(db.insertInto(USERS).rows(List.of(Values.of(USERS))).toSql(dialect).sql())
        .isEqualTo("INSERT INTO \"users\" DEFAULT VALUES");
    assertThat(db.insertInto(USERS).rows(List.of()).execute().block()).isZero();
  }

  @Test
  void badInputIsRefusedWithTheReason() {
    Users otherInstance = new Users();
    assertThatThrownBy(() -> db.insertInto(USERS).values(Values.of(otherInstance)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The values are of table users, not of users");
    assertThatThrownBy(() -> db.selectFrom(USERS).chunks(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunks(size) needs a size of at least 1, was 0");
    assertThatThrownBy(() -> db.update(USERS).set((User) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> db.update(MEMBERSHIPS).set(new Membership(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Nothing to update in memberships: it has no non-key column");
    assertThatThrownBy(() -> db.update(USERS).increment(CITIES.id, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Column cities.id does not belong to table users");
  }

  @Test
  void saveNeedsAPrimaryKey() {
    Keyless keyless = new Keyless();
    assertThatThrownBy(() -> db.save(keyless, new Country(1, "Peru")).block())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("save(...) needs a primary key: table keyless has none; "
            + "use insertInto(...).values(...).onConflict(...) instead");
  }
}
