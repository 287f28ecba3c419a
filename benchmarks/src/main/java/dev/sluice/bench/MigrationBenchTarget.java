package dev.sluice.bench;

import dev.sluice.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A database of its own for the migration benchmarks: a new SQLite file, or the PostgreSQL database
 * {@code sluice_bench_migrations} (created on {@code bench.pg.*}, emptied by {@link #reset}, dropped
 * at {@link #close}). The benchmarks never touch the shared {@code test} database's tables.
 */
final class MigrationBenchTarget implements AutoCloseable {
  private static final Duration T = Duration.ofMinutes(5);
  private static final String PG_NAME = "sluice_bench_migrations";

  private final String dialect;
  private final Path work;
  private Database db;
  private int files;

  MigrationBenchTarget(String dialect) {
    this.dialect = dialect;
    try {
      this.work = Files.createTempDirectory("sluice-bench-mig-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dialect.equals("postgresql")) {
      admin("DROP DATABASE IF EXISTS " + PG_NAME + " WITH (FORCE)");
      admin("CREATE DATABASE " + PG_NAME);
    } else if (!dialect.equals("sqlite")) {
      throw new IllegalArgumentException("sqlite or postgresql, not " + dialect);
    }
    reset();
  }

  private static String pg(String database) {
    return "r2dbc:postgresql://" + BenchSupport.USER + "@" + BenchSupport.HOST + ":" + BenchSupport.PORT + "/" + database;
  }

  private static void admin(String sql) {
    Database admin = Database.builder().url(pg("postgres")).poolSize(1).build();
    try {
      admin.sql(sql).fetch().then().block(T);
    } finally {
      admin.close().block(T);
    }
  }

  /** An empty database: a new SQLite file, or PostgreSQL's public schema dropped and created again. */
  void reset() {
    if (dialect.equals("sqlite")) {
      if (db != null) {
        db.close().block(T);
      }
      db = Database.builder().url("r2dbc:sqlite:///" + work.resolve("app-" + (files++) + ".db")).poolSize(2).build();
    } else {
      if (db == null) {
        db = Database.builder().url(pg(PG_NAME)).poolSize(2).build();
      }
      db.sql("DROP SCHEMA public CASCADE").fetch().then().block(T);
      db.sql("CREATE SCHEMA public").fetch().then().block(T);
    }
  }

  Database db() { return db; }

  /** A new, empty directory under this target's work directory. */
  Path newDirectory(String name) {
    try {
      return Files.createTempDirectory(work, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void close() {
    if (db != null) {
      db.close().block(T);
    }
    if (dialect.equals("postgresql")) {
      admin("DROP DATABASE IF EXISTS " + PG_NAME + " WITH (FORCE)");
    }
    try (Stream<Path> s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
