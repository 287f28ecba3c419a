package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.SchemaChanges;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.spi.Dialect;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link MigrationPlan} to SQL for one database: {@code up} runs the plan, {@code down}
 * its reverse. Column types come from the Sluice dialect's own {@code typeName} and identifiers
 * from its {@code quote}; what differs between databases in {@code ALTER} lives in one subclass of
 * {@link StandardMigrationSql} per database.
 *
 * <pre>{@code
 * MigrationSql sql = MigrationSql.forDialect(Dialects.named("postgresql"));
 * String up = sql.up(plan).text();      // CREATE TABLE IF NOT EXISTS "users" (...); ...
 * String down = sql.down(plan).text();  // DROP TABLE IF EXISTS "users"; ...
 * }</pre>
 */
public abstract class MigrationSql implements Cloneable {
  /** Table name to database schema for the script being rendered (set on a copy only, see {@link #bound}). */
  private Map<String, String> tableSchemas = Map.of();

  /** The renderer for {@code dialect} (by its name: postgresql, cockroachdb, mysql, mariadb, h2, sqlite, sqlserver, oracle). */
  public static MigrationSql forDialect(Dialect dialect) {
    Dialect d = java.util.Objects.requireNonNull(dialect, "dialect");
    return switch (dialect.name()) {
      case "postgresql" -> new PostgresMigrationSql(d);
      case "cockroachdb" -> new CockroachMigrationSql(d);
      case "mysql" -> new MySqlMigrationSql(d, false);
      case "mariadb" -> new MySqlMigrationSql(d, true);
      case "h2" -> new H2MigrationSql(d);
      case "sqlite" -> new SqliteMigrationSql(d);
      case "sqlserver" -> new SqlServerMigrationSql(d);
      case "oracle" -> new OracleMigrationSql(d);
      default -> throw new IllegalArgumentException("No migration SQL for dialect " + dialect.name());
    };
  }

  /** The script that runs {@code plan}. */
  public MigrationScript up(MigrationPlan plan) {
    return bound(plan).render(plan.from(), plan.changes(), plan.changes());
  }

  /**
   * The script that undoes {@code plan}. A step that reverses a change which lost data (a dropped
   * table or column, a narrowed type) says in its comment that the data is not restored.
   */
  public MigrationScript down(MigrationPlan plan) {
    MigrationPlan back = plan.reverse();
    List<Change> ups = new ArrayList<>(plan.changes());
    java.util.Collections.reverse(ups);
    return bound(plan).render(back.from(), back.changes(), ups);
  }

  /**
   * A copy of this renderer that knows the database schema of each table of {@code plan} (table
   * names are unique across schemas in a snapshot); this renderer itself is never changed.
   */
  private MigrationSql bound(MigrationPlan plan) {
    Map<String, String> schemas = new HashMap<>();
    for (TableSnapshot t : plan.from().tables()) {
      if (t.schema() != null) {
        schemas.put(t.name(), t.schema());
      }
    }
    for (TableSnapshot t : plan.to().tables()) {
      if (t.schema() != null) {
        schemas.put(t.name(), t.schema());
      } else {
        schemas.remove(t.name());
      }
    }
    if (schemas.isEmpty()) {
      return this;
    }
    try {
      MigrationSql copy = (MigrationSql) clone();
      copy.tableSchemas = Map.copyOf(schemas);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The database schema of table {@code table} in the script being rendered, or null for the default one. */
  protected final String schemaOf(String table) {
    return tableSchemas.get(table);
  }

  private MigrationScript render(SchemaSnapshot start, List<Change> changes, List<Change> forLossNotes) {
    List<MigrationScript.Step> steps = new ArrayList<>(guards(start, changes));
    List<MigrationScript.Step> deferred = new ArrayList<>();
    SchemaSnapshot before = start;
    String lastRebuilt = null;
    SchemaSnapshot lastRebuildStart = null;
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      SchemaSnapshot after = SchemaChanges.apply(before, c);
      String comment = c.describe();
      Change lossy = forLossNotes.get(i);
      if (lossy != c && lossy.dataLoss().isPresent() && deletesData(lossy)) {
        comment += "\nDATA NOT RESTORED: " + lossy.dataLoss().get() + "; this step restores the shape only";
      }
      String rebuilt = rebuiltTable(c);
      if (rebuilt != null && rebuilt.equals(lastRebuilt)) {
        // consecutive changes that each rebuild the same table: one rebuild to the last shape
        MigrationScript.Step previous = steps.remove(steps.size() - 1);
        steps.add(new MigrationScript.Step(previous.comment() + "\n" + comment, rebuild(rebuilt, lastRebuildStart, after)));
      } else {
        List<String> sql = render(c, before, after, deferred);
        if (!sql.isEmpty()) {
          steps.add(new MigrationScript.Step(comment, sql, outsideTransaction(c)));
        }
        lastRebuildStart = before;
      }
      lastRebuilt = rebuilt;
      before = after;
    }
    // the created tables' foreign keys first, then their indexes, as in the seed's sample
    deferred.sort(java.util.Comparator.comparing(s -> !s.comment().startsWith("add foreign key")));
    steps.addAll(deferred);
    return new MigrationScript(header(), steps);
  }

  private static boolean deletesData(Change c) {
    return c instanceof Change.DropTable || c instanceof Change.DropColumn
        || c instanceof Change.AlterColumnType || c instanceof Change.DropEnumValue;
  }

  /**
   * The table {@code change} is rendered as a whole rebuild of (SQLite), or null: consecutive
   * rebuilds of one table are merged into one by {@link #rebuild}.
   */
  protected String rebuiltTable(Change change) {
    return null;
  }

  /** One rebuild of {@code table} from its shape in {@code before} to its shape in {@code after}. */
  protected List<String> rebuild(String table, SchemaSnapshot before, SchemaSnapshot after) {
    throw new UnsupportedOperationException("No table rebuilds in " + getClass().getSimpleName());
  }

  /**
   * Steps that run before any change and refuse the whole script when a change would fail on
   * existing rows (see {@link StandardMigrationSql}); none by default.
   */
  protected List<MigrationScript.Step> guards(SchemaSnapshot start, List<Change> changes) {
    return List.of();
  }

  /** True when {@code change} must commit before the rest of its migration runs (none by default). */
  protected boolean outsideTransaction(Change change) {
    return false;
  }

  /** Lines at the top of each script. */
  protected List<String> header() {
    return List.of();
  }

  /**
   * The statements of one change. {@code deferred} collects steps that must run after every other
   * change of the script (the foreign keys and indexes of created tables).
   */
  protected abstract List<String> render(Change change, SchemaSnapshot before, SchemaSnapshot after,
      List<MigrationScript.Step> deferred);
}
