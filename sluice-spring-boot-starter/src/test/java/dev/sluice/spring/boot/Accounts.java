package dev.sluice.spring.boot;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/** The tests' schema: owners, and accounts with a unique, a foreign key, a not-null and a check. */
public final class Accounts {
  static final Owners OWNERS = new Owners();
  static final AccountTable ACCOUNTS = new AccountTable();

  private Accounts() {}

  public record Owner(Integer id, String name) {}

  public record Account(Integer id, String email, Integer ownerId, Integer balance) {}

  public static final class Owners extends Table<Owner> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 50).notNull();
    Owners() { super("owners", Owner.class); }
  }

  public static final class AccountTable extends Table<Account> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> email = varchar("email", 20).notNull().unique();
    public final Column<Integer> ownerId = integer("owner_id").references(() -> OWNERS.id);
    public final Column<Integer> balance = integer("balance").check("balance >= 0");
    AccountTable() { super("accounts", Account.class); }
  }
}
