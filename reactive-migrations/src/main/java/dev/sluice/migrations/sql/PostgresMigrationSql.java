package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change.AlterColumnType;
import dev.sluice.migrations.diff.Change.AlterPrimaryKey;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: idempotent where PostgreSQL allows it, as in the seed's sample. Tables are
 * {@code CREATE TABLE IF NOT EXISTS}, constraints are added in a {@code DO $$ ... EXCEPTION WHEN
 * duplicate_object} block, indexes are {@code CREATE INDEX IF NOT EXISTS}, drops are {@code IF
 * EXISTS}. A new enum value is {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}, marked to run
 * before and outside the migration's transaction (a transaction cannot use a value it added); removing a value
 * swaps the type: rename the old one, create the new one, convert each column through text.
 */
class PostgresMigrationSql extends StandardMigrationSql {
  PostgresMigrationSql(Dialect dialect) {
    super(dialect);
  }

  @Override protected String identityType(ColumnType t, SchemaSnapshot schema) {
    return switch (t.kind()) {
      case BIGINT -> "BIGSERIAL";
      case SMALLINT -> "SMALLSERIAL";
      default -> "SERIAL";
    };
  }

  static String ignoringDuplicate(String statement) {
    return "DO $$ BEGIN\n " + statement + ";\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$";
  }

  @Override protected List<String> createEnum(EnumSnapshot e) {
    return List.of(ignoringDuplicate("CREATE TYPE " + q(e.name()) + " AS ENUM (" + labels(e) + ")"));
  }

  final String labels(EnumSnapshot e) {
    return labels(SchemaSnapshot.of(List.of(e), List.of()), e.name());
  }

  @Override protected List<String> dropEnum(EnumSnapshot e) {
    return List.of("DROP TYPE IF EXISTS " + q(e.name()));
  }

  @Override protected List<String> enumChanged(EnumSnapshot e, String value, boolean added, SchemaSnapshot before,
      SchemaSnapshot after) {
    if (added) {
      int at = e.values().indexOf(value);
      String position = at + 1 < e.values().size() ? " BEFORE " + stringLiteral(e.values().get(at + 1)) : "";
      return List.of("ALTER TYPE " + q(e.name()) + " ADD VALUE IF NOT EXISTS " + stringLiteral(value) + position);
    }
    EnumSnapshot now = after.enumType(e.name()).orElseThrow();
    String old = e.name() + "__old";
    List<String> out = new ArrayList<>();
    out.add("ALTER TYPE " + q(e.name()) + " RENAME TO " + q(old));
    out.add("CREATE TYPE " + q(e.name()) + " AS ENUM (" + labels(now) + ")");
    for (TableSnapshot t : after.tables()) {
      for (ColumnSnapshot c : t.columns()) {
        if (c.type().kind() == SqlKind.ENUM && e.name().equals(c.type().name())) {
          out.add(alterTable(t.name()) + "ALTER COLUMN " + q(c.name()) + " TYPE " + q(e.name()) + " USING "
              + q(c.name()) + "::text::" + q(e.name()));
        }
      }
    }
    out.add("DROP TYPE " + q(old));
    return out;
  }

  /** {@code ALTER TYPE ... RENAME VALUE} (PostgreSQL 10+, CockroachDB): the rows follow by themselves. */
  @Override protected List<String> enumValueRenamed(dev.sluice.migrations.diff.Change.RenameEnumValue c,
      SchemaSnapshot before, SchemaSnapshot after) {
    return List.of("ALTER TYPE " + q(c.after().name()) + " RENAME VALUE " + stringLiteral(c.from()) + " TO "
        + stringLiteral(c.to()));
  }

  /** {@code ADD VALUE}: a transaction cannot use the value it adds, so it commits first (it is idempotent). */
  @Override protected boolean outsideTransaction(dev.sluice.migrations.diff.Change change) {
    return change instanceof dev.sluice.migrations.diff.Change.AddEnumValue;
  }

  @Override protected List<String> addColumn(TableSnapshot t, ColumnSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(t.name()) + "ADD COLUMN IF NOT EXISTS " + columnDefinition(t, c, after));
  }

  @Override protected List<String> dropColumn(String table, String column, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP COLUMN IF EXISTS " + q(column));
  }

  @Override protected List<String> alterType(AlterColumnType c, SchemaSnapshot before, SchemaSnapshot after) {
    String type = typeName(c.to(), after);
    return List.of(alterTable(c.table()) + "ALTER COLUMN " + q(c.column()) + " TYPE " + type
        + " USING " + q(c.column()) + "::" + type);
  }

  @Override protected List<String> alterPrimaryKey(AlterPrimaryKey c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    if (!c.from().isEmpty()) {
      out.add(alterTable(c.table()) + "DROP CONSTRAINT IF EXISTS " + q(c.table() + "_pkey"));
    }
    if (!c.to().isEmpty()) {
      out.add(alterTable(c.table()) + "ADD CONSTRAINT " + q(c.table() + "_pkey") + " PRIMARY KEY (" + names(c.to()) + ")");
    }
    return out;
  }

  @Override protected List<String> addForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before,
      SchemaSnapshot after) {
    return List.of(ignoringDuplicate(alterTable(table) + "ADD " + foreignKeyClause(f)));
  }

  @Override protected List<String> dropForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before,
      SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT IF EXISTS " + q(f.name()));
  }

  @Override protected List<String> addUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(ignoringDuplicate(super.addUnique(table, u, before, after).get(0)).replace(
        "WHEN duplicate_object THEN null", "WHEN duplicate_object OR duplicate_table THEN null"));
  }

  @Override protected List<String> dropUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT IF EXISTS " + q(u.name()));
  }

  @Override protected List<String> addCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(ignoringDuplicate(super.addCheck(table, c, before, after).get(0)));
  }

  @Override protected List<String> dropCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT IF EXISTS " + q(c.name()));
  }

  /** PostgreSQL 15-17 store generated columns: a virtual one is refused, as the dialect's DDL refuses it. */
  @Override protected String generatedColumn(ColumnSnapshot c, String typeName) {
    if (!c.generated().stored() && !virtualGeneratedColumns()) {
      throw unsupported("Virtual generated column " + c.name() + " (PostgreSQL stores generated columns: use generatedAlways)");
    }
    return super.generatedColumn(c, typeName);
  }

  /** Whether the database has virtual generated columns (CockroachDB does). */
  protected boolean virtualGeneratedColumns() {
    return false;
  }

  /** {@code DROP MATERIALIZED VIEW IF EXISTS} for a materialized view. */
  @Override protected List<String> dropView(dev.sluice.migrations.snapshot.ViewSnapshot v) {
    return v.materialized() ? List.of("DROP MATERIALIZED VIEW IF EXISTS " + q(v.name())) : super.dropView(v);
  }
}
