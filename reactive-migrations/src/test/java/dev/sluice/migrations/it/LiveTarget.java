package dev.sluice.migrations.it;

import dev.sluice.Database;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh, empty database of this test run for one test class: PostgreSQL and MariaDB databases
 * (and MariaDB seen as MySQL) named {@code sluice_mig_<kind>_<purpose>_<run id>} (dropped when the JVM exits), a new SQLite file under
 * {@code target/}, a new in-memory H2. {@link #open()} may be called many times: every
 * {@link Database} it returns reaches the same database (as two application instances would).
 */
public interface LiveTarget {
  /** The dialect name. */
  String dialect();

  /** The R2DBC URL of this target's database. */
  String url();

  /** A new pooled {@link Database} on this target's database. */
  Database open();

  /** A fresh PostgreSQL database ({@code 127.0.0.1:5432}, user postgres, trust). */
  static LiveTarget postgres(String purpose) {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    String admin = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
    String name = RunDatabases.name("sluice_mig_pg_" + purpose);
    RunDatabases.recreate(admin, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(admin, name, " WITH (FORCE)");
    return of("postgresql", "r2dbc:postgresql://postgres@127.0.0.1:5432/" + name);
  }

  /** A fresh MariaDB database ({@code 127.0.0.1:3306}, root, no password) through r2dbc-mariadb. */
  static LiveTarget mariadb(String purpose) {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    String admin = "r2dbc:mariadb://root@127.0.0.1:3306/test";
    String name = RunDatabases.name("sluice_mig_maria_" + purpose);
    RunDatabases.recreate(admin, name, "");
    RunDatabases.dropOnExit(admin, name, "");
    return of("mariadb", "r2dbc:mariadb://root@127.0.0.1:3306/" + name);
  }

  /**
   * A fresh MariaDB database reached through io.asyncer's r2dbc-mysql, which names every server
   * "MySQL": the MySQL dialect runs against the local MariaDB, as the dialect ITs' MySQL-on-MariaDB targets do.
   */
  static LiveTarget mysqlOnMariaDb(String purpose) {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    String admin = "r2dbc:mysql://root@127.0.0.1:3306/test";
    String name = RunDatabases.name("sluice_mig_my_" + purpose);
    RunDatabases.recreate(admin, name, "");
    RunDatabases.dropOnExit(admin, name, "");
    return of("mysql", "r2dbc:mysql://root@127.0.0.1:3306/" + name);
  }

  /** A new SQLite file (WAL, foreign keys on) under {@code target/sqlite-mig}. */
  static LiveTarget sqlite(String purpose) {
    try {
      Path base = Path.of("target/sqlite-mig").toAbsolutePath();
      Files.createDirectories(base);
      Path file = Files.createTempDirectory(base, purpose + "-").resolve("app.db");
      return of("sqlite", "r2dbc:sqlite:///" + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new in-memory H2 database kept while the JVM runs, names in their declared case. */
  static LiveTarget h2(String purpose) {
    return of("h2", "r2dbc:h2:mem:///mig-" + purpose + "-" + UUID.randomUUID()
        + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE");
  }

  /**
   * A database on a server in a Testcontainers container: a fresh database {@code
   * sluice_mig_<purpose>_<run id>} created through {@code adminUrl} (SQL Server, CockroachDB) when
   * {@code databaseUrlPrefix} is given, else the container's own schema ({@code url} as is,
   * Oracle's application user). The dialect is named, not detected: r2dbc-postgresql reports
   * CockroachDB as PostgreSQL.
   */
  static LiveTarget container(String dialect, String adminUrl, String databaseUrlPrefix, String purpose) {
    String url = adminUrl;
    if (databaseUrlPrefix != null) {
      String name = RunDatabases.name("sluice_mig_" + purpose);
      RunDatabases.recreate(adminUrl, name, "");
      url = databaseUrlPrefix + name;
    }
    String target = url;
    return new LiveTarget() {
      @Override public String dialect() { return dialect; }
      @Override public String url() { return target; }
      @Override public Database open() {
        return Database.builder().url(target).dialect(dev.sluice.spi.Dialects.named(dialect)).poolSize(4).build();
      }
      @Override public String toString() { return target; }
    };
  }

  private static LiveTarget of(String dialect, String url) {
    return new LiveTarget() {
      @Override public String dialect() { return dialect; }
      @Override public String url() { return url; }
      @Override public Database open() { return Database.builder().url(url).poolSize(4).build(); }
      @Override public String toString() { return url; }
    };
  }
}
