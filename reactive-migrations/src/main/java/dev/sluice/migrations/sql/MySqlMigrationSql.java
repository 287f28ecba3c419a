package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change.AlterColumnType;
import dev.sluice.migrations.diff.Change.AlterDefault;
import dev.sluice.migrations.diff.Change.AlterNullability;
import dev.sluice.migrations.diff.Change.AlterPrimaryKey;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB: {@code ENUM('a', 'b')} column types (an enum change modifies each column of
 * that type), {@code AUTO_INCREMENT}, type, nullability and default changes as {@code MODIFY
 * COLUMN} with the whole new definition, {@code DROP FOREIGN KEY}, {@code DROP INDEX ... ON},
 * {@code RENAME TABLE}. Timestamp defaults get MySQL's precision ({@code CURRENT_TIMESTAMP(6)},
 * {@code (UTC_TIMESTAMP(6))} for {@code timestamptz}), as the Sluice dialect's own DDL does.
 * Partial indexes do not exist here. MySQL's DDL commits at once, so the runner reports which
 * statement of a migration failed and which ran.
 */
final class MySqlMigrationSql extends StandardMigrationSql {
  private final boolean mariadb;

  MySqlMigrationSql(Dialect dialect, boolean mariadb) {
    super(dialect);
    this.mariadb = mariadb;
  }

  @Override protected String typeName(ColumnType t, SchemaSnapshot schema) {
    if (t.kind() == SqlKind.ENUM) {
      return "ENUM(" + labels(schema, t.name()) + ")";
    }
    return super.typeName(t, schema);
  }

  @Override protected String identityType(ColumnType t, SchemaSnapshot schema) {
    return typeName(t, schema) + " AUTO_INCREMENT";
  }

  @Override protected String stringLiteral(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override protected String defaultSql(ColumnDefault d, ColumnType type) {
    if (d.kind() == ColumnDefault.Kind.SQL && (type.kind() == SqlKind.TIMESTAMP || type.kind() == SqlKind.TIMESTAMPTZ)
        && d.value().trim().matches("(?i)current_timestamp(\\(\\))?|now\\(\\)|localtimestamp(\\(\\))?")) {
      return type.kind() == SqlKind.TIMESTAMPTZ ? "(UTC_TIMESTAMP(6))" : "CURRENT_TIMESTAMP(6)";
    }
    return super.defaultSql(d, type);
  }

  @Override protected List<String> enumChanged(EnumSnapshot e, String value, boolean added, SchemaSnapshot before,
      SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      for (ColumnSnapshot c : t.columns()) {
        if (c.type().kind() == SqlKind.ENUM && e.name().equals(c.type().name())) {
          out.add(modify(t, c, after));
        }
      }
    }
    return out;
  }

  /** The column widened to both labels, its values rewritten, then narrowed to the new labels. */
  @Override protected List<String> enumValueRenamed(dev.sluice.migrations.diff.Change.RenameEnumValue c,
      SchemaSnapshot before, SchemaSnapshot after) {
    List<String> both = new ArrayList<>(c.before().values());
    both.add(c.to());
    SchemaSnapshot wide = SchemaSnapshot.of(after.enums().stream()
        .map(e -> e.name().equals(c.after().name()) ? new EnumSnapshot(e.name(), both) : e).toList(), after.tables());
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      for (ColumnSnapshot col : t.columns()) {
        if (col.type().kind() == SqlKind.ENUM && c.after().name().equals(col.type().name())) {
          out.add(modify(t, col, wide));
          out.add(rewriteValues(t.name(), col.name(), c.from(), c.to()));
          out.add(modify(t, col, after));
        }
      }
    }
    return out;
  }

  private String modify(TableSnapshot t, ColumnSnapshot c, SchemaSnapshot schema) {
    return alterTable(t.name()) + "MODIFY COLUMN " + columnDefinition(t, c, schema, false);
  }

  private String modify(String table, String column, SchemaSnapshot after) {
    TableSnapshot t = after.table(table).orElseThrow();
    return modify(t, t.column(column).orElseThrow(), after);
  }

  @Override protected List<String> renameTable(String from, String to) {
    return List.of("RENAME TABLE " + q(from) + " TO " + q(to));
  }

  @Override protected List<String> alterType(AlterColumnType c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(modify(c.table(), c.column(), after));
  }

  @Override protected List<String> alterNullability(AlterNullability c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(modify(c.table(), c.column(), after));
  }

  @Override protected List<String> alterDefault(AlterDefault c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(modify(c.table(), c.column(), after));
  }

  @Override protected List<String> alterPrimaryKey(AlterPrimaryKey c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    if (!c.from().isEmpty()) {
      out.add(alterTable(c.table()) + "DROP PRIMARY KEY");
    }
    if (!c.to().isEmpty()) {
      out.add(alterTable(c.table()) + "ADD PRIMARY KEY (" + names(c.to()) + ")");
    }
    return out;
  }

  @Override protected String createIndex(String table, IndexSnapshot i) {
    if (i.where() != null) {
      throw unsupported("Partial index " + i.name() + " (WHERE " + i.where() + ")");
    }
    return (i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + (mariadb ? "IF NOT EXISTS " : "")
        + q(i.name()) + " ON " + qt(table) + " (" + names(i.columns()) + ")";
  }

  @Override protected List<String> dropIndex(String table, IndexSnapshot i) {
    return List.of("DROP INDEX " + (mariadb ? "IF EXISTS " : "") + q(i.name()) + " ON " + qt(table));
  }

  @Override protected List<String> dropForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before,
      SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP FOREIGN KEY " + q(f.name()));
  }

  @Override protected List<String> dropUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP INDEX " + q(u.name()));
  }

  @Override protected List<String> dropCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + (mariadb ? "DROP CONSTRAINT " : "DROP CHECK ") + q(c.name()));
  }

  /**
   * Nothing: MySQL's {@code DROP SCHEMA} is {@code DROP DATABASE} and drops whatever is in it, with no
   * {@code RESTRICT}; a schema the code no longer uses is left for a person to drop.
   */
  @Override protected List<String> dropSchema(String schema) {
    return List.of();
  }
}
