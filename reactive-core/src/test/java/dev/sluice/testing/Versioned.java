package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/** Accounts with an optimistic-lock version. */
public final class Versioned {
  private Versioned() {}

  /** Accounts: an owner, a balance and the version Sluice keeps. */
  public static final class Accounts extends Table<Account> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> owner = varchar("owner", 50).notNull();
    public final Column<Integer> balance = integer("balance").notNull().defaultValue(0);
    public final Column<Integer> version = integer("version").notNull().version();

    public Accounts() { super("accounts"); }
  }

  /** An account. */
  public record Account(Integer id, String owner, Integer balance, Integer version) {
    /** A new account: no key, no version yet. */
    public static Account of(String owner, int balance) { return new Account(null, owner, balance, null); }

    /** The same account with another balance. */
    public Account withBalance(int b) { return new Account(id, owner, b, version); }
  }

  public static final Accounts ACCOUNTS = new Accounts();
}
