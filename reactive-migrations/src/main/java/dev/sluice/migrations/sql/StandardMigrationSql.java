package dev.sluice.migrations.sql;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.Change.*;
import dev.sluice.migrations.diff.ChangeVisitor;
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
import dev.sluice.migrations.snapshot.ViewSnapshot;
import dev.sluice.schema.DataType;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration SQL in the standard spelling ({@code ALTER TABLE ... ALTER COLUMN ... SET DATA TYPE},
 * {@code ADD CONSTRAINT}, {@code CREATE INDEX IF NOT EXISTS}); each database overrides what it
 * spells differently. Column types are the Sluice dialect's {@code typeName}; enums without a
 * native type are {@code VARCHAR(255)} with a check named {@code <table>_<column>_enum}.
 */
class StandardMigrationSql extends MigrationSql {
  protected final Dialect dialect;

  StandardMigrationSql(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override protected List<String> render(Change change, SchemaSnapshot before, SchemaSnapshot after,
      List<MigrationScript.Step> deferred) {
    return change.accept(new ChangeVisitor<List<String>>() {
      @Override public List<String> visit(CreateEnum c) { return createEnum(c.type()); }
      @Override public List<String> visit(DropEnum c) { return dropEnum(c.type()); }
      @Override public List<String> visit(AddEnumValue c) { return enumChanged(c.after(), c.value(), true, before, after); }
      @Override public List<String> visit(DropEnumValue c) { return enumChanged(c.before(), c.value(), false, before, after); }
      @Override public List<String> visit(RenameEnumValue c) { return enumValueRenamed(c, before, after); }
      @Override public List<String> visit(CreateTable c) { return createTable(c.table(), after, deferred); }
      @Override public List<String> visit(DropTable c) { return dropTable(c.table()); }
      @Override public List<String> visit(RenameTable c) { return withEnumChecksRenamed(renameTable(c.from(), c.to()), c, before, after); }
      @Override public List<String> visit(AddColumn c) { return addColumn(after.table(c.table()).orElseThrow(), c.column(), before, after); }
      @Override public List<String> visit(DropColumn c) { return dropColumn(c.table(), c.column().name(), before, after); }
      @Override public List<String> visit(RenameColumn c) { return withEnumChecksRenamed(renameColumn(c.table(), c.from(), c.to()), c, before, after); }
      @Override public List<String> visit(AlterColumnType c) { return alterType(c, before, after); }
      @Override public List<String> visit(AlterNullability c) { return alterNullability(c, before, after); }
      @Override public List<String> visit(AlterDefault c) { return alterDefault(c, before, after); }
      @Override public List<String> visit(AlterPrimaryKey c) { return alterPrimaryKey(c, before, after); }
      @Override public List<String> visit(AddIndex c) { return List.of(createIndex(c.table(), c.index())); }
      @Override public List<String> visit(DropIndex c) { return dropIndex(c.table(), c.index()); }
      @Override public List<String> visit(AddForeignKey c) { return addForeignKey(c.table(), c.foreignKey(), before, after); }
      @Override public List<String> visit(DropForeignKey c) { return dropForeignKey(c.table(), c.foreignKey(), before, after); }
      @Override public List<String> visit(AddUnique c) { return addUnique(c.table(), c.unique(), before, after); }
      @Override public List<String> visit(DropUnique c) { return dropUnique(c.table(), c.unique(), before, after); }
      @Override public List<String> visit(AddCheck c) { return addCheck(c.table(), c.check(), before, after); }
      @Override public List<String> visit(DropCheck c) { return dropCheck(c.table(), c.check(), before, after); }
      @Override public List<String> visit(CreateSchema c) { return createSchema(c.schema()); }
      @Override public List<String> visit(DropSchema c) { return dropSchema(c.schema()); }
      @Override public List<String> visit(CreateView c) { return c.view().definition(); }
      @Override public List<String> visit(DropView c) { return dropView(c.view()); }
      @Override public List<String> visit(ReplaceView c) { return replaceView(c.from(), c.to()); }
    });
  }

  // ---- names, types, literals ---------------------------------------------------------------

  protected final String q(String identifier) {
    return dialect.quote(identifier);
  }

  /** A table's name, qualified by its database schema if it has one: {@code "audit"."events"}. */
  protected String qt(String table) {
    String schema = schemaOf(table);
    return schema == null ? q(table) : q(schema) + "." + q(table);
  }

  /** A table's name, qualified by the schema its snapshot names. */
  protected String qt(TableSnapshot table) {
    return table.schema() == null ? q(table.name()) : q(table.schema()) + "." + q(table.name());
  }

  protected final String names(List<String> columns) {
    StringBuilder s = new StringBuilder();
    for (String c : columns) {
      s.append(s.isEmpty() ? "" : ", ").append(q(c));
    }
    return s.toString();
  }

  /** The SQL type of a column (identity excluded). */
  protected String typeName(ColumnType t, SchemaSnapshot schema) {
    if (t.kind() == SqlKind.ENUM && !dialect.capabilities().nativeEnums()) {
      return dialect.typeName(new DataType<>(SqlKind.VARCHAR, String.class, 255, 0, 0, null, null));
    }
    return dialect.typeName(new DataType<>(t.kind(), Object.class, t.length(), t.precision(), t.scale(), t.name(), null));
  }

  /** The type of an identity column, e.g. {@code INTEGER GENERATED BY DEFAULT AS IDENTITY}. */
  protected String identityType(ColumnType t, SchemaSnapshot schema) {
    return typeName(t, schema) + " GENERATED BY DEFAULT AS IDENTITY";
  }

  /** {@code 'it''s'}. */
  protected String stringLiteral(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A default as SQL. */
  protected String defaultSql(ColumnDefault d, ColumnType type) {
    return switch (d.kind()) {
      case STRING -> stringLiteral(d.value());
      case NUMBER, SQL -> d.value();
      case BOOLEAN -> Boolean.parseBoolean(d.value()) ? "TRUE" : "FALSE";
    };
  }

  /** {@code "name" TYPE [PRIMARY KEY] [NOT NULL] [DEFAULT x]}. */
  protected String columnDefinition(TableSnapshot table, ColumnSnapshot c, SchemaSnapshot schema) {
    return columnDefinition(table, c, schema, true);
  }

  /** The column's definition; {@code allowInlineKey} false leaves out {@code PRIMARY KEY} (for MODIFY). */
  protected String columnDefinition(TableSnapshot table, ColumnSnapshot c, SchemaSnapshot schema,
      boolean allowInlineKey) {
    boolean inlinePk = allowInlineKey && table.primaryKey().size() == 1 && table.primaryKey().get(0).equals(c.name());
    if (c.generated() != null) {
      return q(c.name()) + " " + generatedColumn(c, typeName(c.type(), schema))
          + (c.nullable() || inlinePk ? "" : " NOT NULL") + (inlinePk ? " PRIMARY KEY" : "") + columnConstraints(table, c);
    }
    StringBuilder s = new StringBuilder(q(c.name())).append(' ')
        .append(c.identity() ? identityType(c.type(), schema) : typeName(c.type(), schema));
    if (inlinePk) {
      s.append(" PRIMARY KEY");
    } else if (!c.nullable()) {
      s.append(" NOT NULL");
    }
    if (c.defaultValue() != null) {
      s.append(defaultClause(table, c));
    }
    s.append(columnConstraints(table, c));
    return s.toString();
  }

  /**
   * What the dialect adds to a column's definition to keep its values exactly (SQLite's collation
   * and length checks), with its leading space; nothing by default.
   */
  protected String columnConstraints(TableSnapshot table, ColumnSnapshot c) {
    return "";
  }

  /**
   * The type and generation clause of a generated column, after its name, as the dialect's own DDL
   * writes it: {@code INTEGER GENERATED ALWAYS AS (expr) STORED} (or {@code VIRTUAL}).
   */
  protected String generatedColumn(ColumnSnapshot c, String typeName) {
    return typeName + " GENERATED ALWAYS AS (" + c.generated().expression() + ") "
        + (c.generated().stored() ? "STORED" : "VIRTUAL");
  }

  /** {@code  DEFAULT x}, with its leading space. */
  protected String defaultClause(TableSnapshot table, ColumnSnapshot c) {
    return " DEFAULT " + defaultSql(c.defaultValue(), c.type());
  }

  /** The check that stands in for an enum type where the database has none, or null. */
  protected String enumCheck(TableSnapshot table, ColumnSnapshot c, SchemaSnapshot schema) {
    if (c.type().kind() != SqlKind.ENUM || dialect.capabilities().nativeEnums()) {
      return null;
    }
    return "CONSTRAINT " + q(enumCheckName(table.name(), c.name())) + " CHECK (" + q(c.name()) + " IN ("
        + labels(schema, c.type().name()) + "))";
  }

  static String enumCheckName(String table, String column) {
    return table + "_" + column + "_enum";
  }

  protected final String labels(SchemaSnapshot schema, String enumName) {
    EnumSnapshot e = schema.enumType(enumName).orElseThrow(() -> new IllegalStateException(
        "The schema has no enum type " + enumName));
    StringBuilder s = new StringBuilder();
    for (String v : e.values()) {
      s.append(s.isEmpty() ? "" : ", ").append(stringLiteral(v));
    }
    return s.toString();
  }

  protected String action(String event, ReferentialAction a) {
    return a == ReferentialAction.NO_ACTION ? "" : " ON " + event + " " + a.sql();
  }

  protected String foreignKeyClause(ForeignKeySnapshot f) {
    return "CONSTRAINT " + q(f.name()) + " FOREIGN KEY (" + names(f.columns()) + ") REFERENCES "
        + qt(f.referencedTable()) + " (" + names(f.referencedColumns()) + ")"
        + action("DELETE", f.onDelete()) + action("UPDATE", f.onUpdate());
  }

  protected String alterTable(String table) {
    return "ALTER TABLE " + qt(table) + " ";
  }

  // ---- enums --------------------------------------------------------------------------------

  protected List<String> createEnum(EnumSnapshot e) { return List.of(); }

  protected List<String> dropEnum(EnumSnapshot e) { return List.of(); }

  /** An enum gained or lost a value: by default each check standing in for it is replaced. */
  protected List<String> enumChanged(EnumSnapshot e, String value, boolean added, SchemaSnapshot before,
      SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      for (ColumnSnapshot c : t.columns()) {
        if (c.type().kind() == SqlKind.ENUM && e.name().equals(c.type().name())) {
          out.add(alterTable(t.name()) + "DROP CONSTRAINT " + q(enumCheckName(t.name(), c.name())));
          out.add(alterTable(t.name()) + "ADD " + enumCheck(t, c, after));
        }
      }
    }
    return out;
  }

  /**
   * A label renamed: by default each check standing in for the enum is dropped, the stored values
   * rewritten ({@code UPDATE ... SET c = 'new' WHERE c = 'old'}), and the check added with the new
   * labels.
   */
  protected List<String> enumValueRenamed(RenameEnumValue c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      for (ColumnSnapshot col : t.columns()) {
        if (col.type().kind() == SqlKind.ENUM && c.after().name().equals(col.type().name())) {
          out.add(alterTable(t.name()) + "DROP CONSTRAINT " + q(enumCheckName(t.name(), col.name())));
          out.add(rewriteValues(t.name(), col.name(), c.from(), c.to()));
          out.add(alterTable(t.name()) + "ADD " + enumCheck(t, col, after));
        }
      }
    }
    return out;
  }

  /**
   * True when a table or column rename also renames the checks standing in for its enums, so that
   * they keep their names {@code <table>_<column>_enum} (H2); the checks keep their old names
   * elsewhere.
   */
  protected boolean renamesEnumChecks() {
    return false;
  }

  private List<String> withEnumChecksRenamed(List<String> statements, Change rename, SchemaSnapshot before,
      SchemaSnapshot after) {
    if (!renamesEnumChecks() || dialect.capabilities().nativeEnums()) {
      return statements;
    }
    List<String> out = new ArrayList<>(statements);
    if (rename instanceof RenameTable r) {
      for (ColumnSnapshot c : after.table(r.to()).orElseThrow().columns()) {
        if (c.type().kind() == SqlKind.ENUM) {
          out.add(alterTable(r.to()) + "RENAME CONSTRAINT " + q(enumCheckName(r.from(), c.name())) + " TO "
              + q(enumCheckName(r.to(), c.name())));
        }
      }
    } else if (rename instanceof RenameColumn r
        && after.table(r.table()).flatMap(t -> t.column(r.to())).filter(c -> c.type().kind() == SqlKind.ENUM).isPresent()) {
      out.add(alterTable(r.table()) + "RENAME CONSTRAINT " + q(enumCheckName(r.table(), r.from())) + " TO "
          + q(enumCheckName(r.table(), r.to())));
    }
    return out;
  }

  /** A check's expression as this database takes it (as written by default). */
  protected String checkSql(String sql) {
    return sql;
  }

  /** {@code UPDATE "t" SET "c" = 'new' WHERE "c" = 'old'}. */
  protected final String rewriteValues(String table, String column, String from, String to) {
    return "UPDATE " + qt(table) + " SET " + q(column) + " = " + stringLiteral(to) + " WHERE " + q(column) + " = "
        + stringLiteral(from);
  }

  /**
   * True when removing an enum label is refused, before anything runs, while rows hold it (a
   * guard step per column at the top of the script); SQLite and H2, whose rebuild or check would
   * otherwise fail midway without saying which rows.
   */
  protected boolean guardsEnumValueRemoval() {
    return false;
  }

  @Override protected List<MigrationScript.Step> guards(SchemaSnapshot start, List<Change> changes) {
    return guardsEnumValueRemoval() ? EnumValueGuards.plan(start, changes, this::enumValueGuard) : List.of();
  }

  /**
   * {@code SELECT 'sluice:enum-value-in-use' AS guard, 't' AS table_name, 'c' AS column_name, 'x' AS
   * label, COUNT(*) AS row_count FROM "t" WHERE "c" = 'x'}: the runner fails with an
   * {@code EnumValueInUseException} when the count is not zero.
   */
  protected String enumValueGuard(String table, String column, String label) {
    return "SELECT " + stringLiteral(MigrationScript.ENUM_VALUE_GUARD) + " AS guard, " + stringLiteral(table) + " AS table_name, "
        + stringLiteral(column) + " AS column_name, " + stringLiteral(label) + " AS label, COUNT(*) AS row_count FROM "
        + qt(table) + " WHERE " + q(column) + " = " + stringLiteral(label);
  }

  // ---- tables -------------------------------------------------------------------------------

  /** The table's body lines: columns, composite key, unique constraints, checks (and foreign keys if inline). */
  protected List<String> tableBody(TableSnapshot t, SchemaSnapshot schema, boolean inlineForeignKeys) {
    List<String> lines = new ArrayList<>();
    for (ColumnSnapshot c : t.columns()) {
      lines.add(columnDefinition(t, c, schema));
    }
    if (t.primaryKey().size() > 1) {
      lines.add(compositePrimaryKey(t));
    }
    for (UniqueSnapshot u : t.uniques()) {
      lines.add("CONSTRAINT " + q(u.name()) + " UNIQUE (" + names(u.columns()) + ")");
    }
    for (ColumnSnapshot c : t.columns()) {
      String check = enumCheck(t, c, schema);
      if (check != null) {
        lines.add(check);
      }
    }
    for (CheckSnapshot ch : t.checks()) {
      lines.add("CONSTRAINT " + q(ch.name()) + " CHECK (" + checkSql(ch.sql()) + ")");
    }
    if (inlineForeignKeys) {
      for (ForeignKeySnapshot f : t.foreignKeys()) {
        lines.add(foreignKeyClause(f));
      }
    }
    return lines;
  }

  protected String compositePrimaryKey(TableSnapshot t) {
    return "PRIMARY KEY (" + names(t.primaryKey()) + ")";
  }

  protected String createTableStatement(String name, List<String> body) {
    return "CREATE TABLE IF NOT EXISTS " + qt(name) + " (\n  " + String.join(",\n  ", body) + "\n)";
  }

  /** {@code CREATE TABLE}; its foreign keys and indexes are deferred to the end of the script. */
  protected List<String> createTable(TableSnapshot t, SchemaSnapshot schema, List<MigrationScript.Step> deferred) {
    for (ForeignKeySnapshot f : t.foreignKeys()) {
      deferred.add(new MigrationScript.Step("add foreign key " + f.name() + " on " + t.name(),
          addForeignKey(t.name(), f, schema, schema)));
    }
    for (IndexSnapshot i : t.indexes()) {
      deferred.add(new MigrationScript.Step("add index " + i.name() + " on " + t.name(), List.of(createIndex(t.name(), i))));
    }
    return List.of(createTableStatement(t.name(), tableBody(t, schema, false)));
  }

  protected List<String> dropTable(TableSnapshot t) {
    return List.of("DROP TABLE IF EXISTS " + qt(t));
  }

  protected List<String> renameTable(String from, String to) {
    return List.of(alterTable(from) + "RENAME TO " + q(to));
  }

  // ---- columns ------------------------------------------------------------------------------

  protected List<String> addColumn(TableSnapshot t, ColumnSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    out.add(alterTable(t.name()) + "ADD COLUMN " + columnDefinition(t, c, after));
    String check = enumCheck(t, c, after);
    if (check != null) {
      out.add(alterTable(t.name()) + "ADD " + check);
    }
    return out;
  }

  protected List<String> dropColumn(String table, String column, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP COLUMN " + q(column));
  }

  protected List<String> renameColumn(String table, String from, String to) {
    return List.of(alterTable(table) + "RENAME COLUMN " + q(from) + " TO " + q(to));
  }

  /** The new type; where enums are checks, the old enum's check is dropped and the new one's added. */
  protected List<String> alterType(AlterColumnType c, SchemaSnapshot before, SchemaSnapshot after) {
    boolean checks = !dialect.capabilities().nativeEnums();
    List<String> out = new ArrayList<>();
    if (checks && c.from().kind() == SqlKind.ENUM) {
      out.add(alterTable(c.table()) + "DROP CONSTRAINT " + q(enumCheckName(c.table(), c.column())));
    }
    out.add(alterTable(c.table()) + "ALTER COLUMN " + q(c.column()) + " SET DATA TYPE " + typeName(c.to(), after));
    if (checks && c.to().kind() == SqlKind.ENUM) {
      TableSnapshot t = after.table(c.table()).orElseThrow();
      out.add(alterTable(c.table()) + "ADD " + enumCheck(t, t.column(c.column()).orElseThrow(), after));
    }
    return out;
  }

  protected List<String> alterNullability(AlterNullability c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(c.table()) + "ALTER COLUMN " + q(c.column())
        + (c.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
  }

  protected List<String> alterDefault(AlterDefault c, SchemaSnapshot before, SchemaSnapshot after) {
    ColumnSnapshot col = after.table(c.table()).orElseThrow().column(c.column()).orElseThrow();
    return List.of(alterTable(c.table()) + "ALTER COLUMN " + q(c.column())
        + (c.to() == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultSql(c.to(), col.type())));
  }

  protected List<String> alterPrimaryKey(AlterPrimaryKey c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    if (!c.from().isEmpty()) {
      out.add(alterTable(c.table()) + "DROP PRIMARY KEY");
    }
    if (!c.to().isEmpty()) {
      out.add(alterTable(c.table()) + "ADD CONSTRAINT " + q(c.table() + "_pkey") + " PRIMARY KEY (" + names(c.to()) + ")");
    }
    return out;
  }

  // ---- indexes and constraints --------------------------------------------------------------

  protected String createIndex(String table, IndexSnapshot i) {
    return (i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + "IF NOT EXISTS " + q(i.name()) + " ON "
        + qt(table) + " (" + names(i.columns()) + ")" + (i.where() == null ? "" : " WHERE " + i.where());
  }

  protected List<String> dropIndex(String table, IndexSnapshot i) {
    String schema = schemaOf(table); // an index lives in its table's schema
    return List.of("DROP INDEX IF EXISTS " + (schema == null ? "" : q(schema) + ".") + q(i.name()));
  }

  protected List<String> addForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "ADD " + foreignKeyClause(f));
  }

  protected List<String> dropForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT " + q(f.name()));
  }

  protected List<String> addUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "ADD CONSTRAINT " + q(u.name()) + " UNIQUE (" + names(u.columns()) + ")");
  }

  protected List<String> dropUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT " + q(u.name()));
  }

  protected List<String> addCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "ADD CONSTRAINT " + q(c.name()) + " CHECK (" + checkSql(c.sql()) + ")");
  }

  protected List<String> dropCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterTable(table) + "DROP CONSTRAINT " + q(c.name()));
  }

  // ---- database schemas and views ------------------------------------------------------------

  /** {@code CREATE SCHEMA IF NOT EXISTS "audit"}. */
  protected List<String> createSchema(String schema) {
    return List.of("CREATE SCHEMA IF NOT EXISTS " + q(schema));
  }

  /** {@code DROP SCHEMA IF EXISTS "audit" RESTRICT}: refused by the database while it holds anything. */
  protected List<String> dropSchema(String schema) {
    return List.of("DROP SCHEMA IF EXISTS " + q(schema) + " RESTRICT");
  }

  /** {@code DROP VIEW IF EXISTS "v"}. */
  protected List<String> dropView(ViewSnapshot v) {
    return List.of("DROP VIEW IF EXISTS " + q(v.name()));
  }

  /**
   * A view's new query, same name and columns: its definition, which is {@code CREATE OR REPLACE
   * VIEW} where the database has it (the dialect's DDL renders it so).
   */
  protected List<String> replaceView(ViewSnapshot from, ViewSnapshot to) {
    return to.definition();
  }

  protected final UnsupportedByDialectException unsupported(String what) {
    return new UnsupportedByDialectException(what, dialect.name());
  }
}
