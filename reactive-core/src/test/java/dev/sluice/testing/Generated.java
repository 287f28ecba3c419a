package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/**
 * Tables whose every column the database fills: a row of them names no column at all
 * ({@code INSERT ... DEFAULT VALUES} and its multi-row forms).
 */
public final class Generated {
  private Generated() {}

  /** Only a serial key, as the seed's chat groups without a name. */
  public static final class Tickets extends Table<Ticket> {
    public final Column<Integer> id = serial("id").primaryKey();

    public Tickets() { super("tickets"); }
  }

  /** A serial key and a column with an SQL default. */
  public static final class Stamps extends Table<Stamp> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> state = varchar("state", 10).notNull().defaultSql("'open'");

    public Stamps() { super("stamps"); }
  }

  /** A ticket. */
  public record Ticket(Integer id) {}

  /** A stamp. */
  public record Stamp(Integer id, String state) {}

  public static final Tickets TICKETS = new Tickets();
  public static final Stamps STAMPS = new Stamps();
}
