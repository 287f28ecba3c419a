package dev.sluice.mongo.testing;

import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.MongoDsl.desc;
import static dev.sluice.mongo.MongoDsl.eq;

import dev.sluice.mongo.ArrayField;
import dev.sluice.mongo.Collection;
import dev.sluice.mongo.DocumentField;
import dev.sluice.mongo.Embedded;
import dev.sluice.mongo.Field;
import dev.sluice.mongo.Index;
import dev.sluice.mongo.ValueTypes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;

/** The collections the tests use: users with an embedded address, tags, roles; orders referring to users. */
public final class Fixtures {
  private Fixtures() {}

  public enum Role { MEMBER, ADMIN }

  public record Address(String city, String zip) {}

  public record User(ObjectId id, String name, String email, Integer age, Boolean active, BigDecimal balance,
      Instant joined, UUID externalId, Role role, List<String> tags, Address address) {}

  public record Line(String sku, Integer qty) {}

  public record Order(UUID id, ObjectId userId, Long amount, List<Line> lines) {}

  public static final class AddressDoc extends Embedded<Address> {
    public final Field<String> city = string("city");
    public final Field<String> zip = string("zip");

    public AddressDoc() { super(Address.class); }
  }

  public static final class LineDoc extends Embedded<Line> {
    public final Field<String> sku = string("sku");
    public final Field<Integer> qty = int32("qty");

    public LineDoc() { super(Line.class); }
  }

  public static final class Users extends Collection<User> {
    public final Field<ObjectId> id = objectIdKey();
    public final Field<String> name = string("name");
    public final Field<String> email = string("email");
    public final Field<Integer> age = int32("age");
    public final Field<Boolean> active = bool("active");
    public final Field<BigDecimal> balance = decimal("balance");
    public final Field<Instant> joined = instant("joined");
    public final Field<UUID> externalId = uuid("externalId");
    public final Field<Role> role = enumeration("role", Role.class);
    public final ArrayField<String> tags = array("tags", ValueTypes.STRING);
    public final DocumentField<Address, AddressDoc> address = document("address", new AddressDoc());
    public final Index byEmail = index(Index.on("users_email", asc(email)).unique());
    public final Index byCityAge = index(Index.on("users_city_age", asc(address.at(a -> a.city)), desc(age)));
    public final Index expiry = index(Index.on("users_joined_ttl", asc(joined)).ttl(Duration.ofDays(3650)));
    public final Index activeName = index(Index.on("users_active_name", asc(name)).unique().partial(eq(active, true)));

    public Users() { super("users", User.class); }
  }

  public static final class Orders extends Collection<Order> {
    public final Field<UUID> id = id(ValueTypes.UUID_TYPE);
    public final Field<ObjectId> userId = objectId("userId");
    public final Field<Long> amount = int64("amount");
    public final LineDoc line = new LineDoc();
    public final ArrayField<Line> lines = documents("lines", line);

    public Orders() { super("orders", Order.class); }
  }

  public static final Users USERS = new Users();
  public static final Orders ORDERS = new Orders();

  public static User user(String name, int age, String city, String... tags) {
    return new User(null, name, name.toLowerCase() + "@example.com", age, age >= 18, new BigDecimal("10.25"),
        Instant.parse("2026-01-02T03:04:05.678Z"), null, Role.MEMBER, List.of(tags), new Address(city, "0150"));
  }
}
