package dev.sluice.openapi;

import dev.sluice.schema.Codec;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The tests' schema: a table with a column of every kind Sluice has, and a table referring to it. */
public final class Shop {
  private Shop() { }

  /** An account's state; its SQL labels are lower case. */
  public enum Status { ACTIVE, SUSPENDED }

  /** Money in cents, stored as a bigint through a codec. */
  @Description("An amount in cents")
  public record Money(long cents) { }

  public static final EnumType<Status> STATUS = EnumType.of("account_status", Status.class);
  static final Codec<Money> MONEY = Codec.of(Long.class, Money::cents, Money::new);

  /** A row of {@link Accounts}. */
  @Description("A customer account")
  public record Account(Long id, Short age, Integer score, BigDecimal balance, Float ratio, Double weight,
      Boolean verified, String handle, String country, String bio, LocalDate born, LocalTime wakes,
      LocalDateTime seen, OffsetDateTime created, UUID token, String prefs, String meta, byte[] avatar,
      Status status, Money credit) { }

  /** Every kind of column. */
  public static final class Accounts extends Table<Account> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<Short> age = smallint("age");
    public final Column<Integer> score = integer("score").notNull().defaultValue(0);
    public final Column<BigDecimal> balance = decimal("balance", 12, 2).notNull().comment("In euros");
    public final Column<Float> ratio = real("ratio");
    public final Column<Double> weight = doublePrecision("weight");
    public final Column<Boolean> verified = bool("verified").notNull().defaultValue(false);
    public final Column<String> handle = varchar("handle", 40).notNull().unique().comment("The public name");
    public final Column<String> country = fixedChar("country", 2);
    public final Column<String> bio = text("bio");
    public final Column<LocalDate> born = date("born");
    public final Column<LocalTime> wakes = time("wakes");
    public final Column<LocalDateTime> seen = timestamp("seen");
    public final Column<OffsetDateTime> created = timestamptz("created").notNull().createdAt();
    public final Column<UUID> token = uuid("token").notNull();
    public final Column<String> prefs = json("prefs");
    public final Column<String> meta = jsonb("meta");
    public final Column<byte[]> avatar = bytes("avatar");
    public final Column<Status> status = column("status", STATUS).notNull().defaultValue(Status.ACTIVE);
    public final Column<Money> credit = column("credit", DataType.custom("BIGINT", Money.class, MONEY));

    public Accounts() { super("accounts"); }
  }

  /** A row of {@link Posts}. */
  public record Post(Integer id, Long accountId, String title, Status status) { }

  /** Posts of an account. */
  public static final class Posts extends Table<Post> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Long> accountId = bigint("account_id").notNull().references(() -> Shop.ACCOUNTS.id);
    public final Column<String> title = varchar("title", 200).notNull();
    public final Column<Status> status = column("status", STATUS);

    public Posts() { super("posts"); }
  }

  public static final Accounts ACCOUNTS = new Accounts();
  public static final Posts POSTS = new Posts();
}
