package dev.sluice.spring.boot;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports.MigrateReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Applies the pending migrations of {@code sluice.migrations.location} when the context starts: as a
 * singleton that initializes while the context refreshes, it finishes before the web server starts
 * accepting requests (the server starts after every singleton is ready). A second context on a
 * database already migrated applies nothing: the history table says what is applied, and the
 * database lock keeps two starting instances from applying the same migration twice. A bean that
 * must not see the database before its migrations can be marked {@code @DependsOnDatabaseInitialization}.
 *
 * <p>Start-up waits for the run on the main thread (as Flyway's auto-configuration does), never on a
 * Reactor thread; a failure fails the start with the migrator's exception.
 */
public class SluiceMigrations implements InitializingBean {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceMigrations.class);
  private final Database db;
  private final SluiceProperties.Migrations properties;
  private final ResourceLoader resources;
  private volatile MigrateReport report;

  public SluiceMigrations(Database db, SluiceProperties.Migrations properties, ResourceLoader resources) {
    this.db = db;
    this.properties = properties;
    this.resources = resources;
  }

  @Override
  public void afterPropertiesSet() {
    Path dir = directory();
    if (dir == null) {
      LOG.info("No Sluice migrations at {}: nothing to apply", properties.getLocation());
      report = null;
      return;
    }
    Migrator.Builder b = Migrator.builder(db).directory(dir).historyTable(properties.getHistoryTable());
    if (properties.isRefuseOutOfOrder()) {
      b.refuseOutOfOrder();
    }
    MigrateReport r = b.build().migrate().block(properties.getTimeout());
    report = r;
    if (r != null) {
      LOG.info("Sluice migrations at {}: {} applied, {} repeatable run{}", properties.getLocation(),
          r.applied().size(), r.repeatables().size(), r.warnings().isEmpty() ? "" : ", warnings: " + r.warnings());
    }
  }

  /** What the start-up run applied; null when the location did not exist. */
  public MigrateReport report() {
    return report;
  }

  /** The migrations directory, or null when the location does not exist. */
  Path directory() {
    Resource resource = resources.getResource(properties.getLocation());
    if (!resource.exists()) {
      return null;
    }
    try {
      URI uri = resource.getURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException open) {
          // opened by an earlier start in this JVM: Path.of finds it
        }
      }
      Path dir = Path.of(uri);
      return Files.isDirectory(dir) ? dir : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Sluice migrations at " + properties.getLocation(), e);
    }
  }
}
