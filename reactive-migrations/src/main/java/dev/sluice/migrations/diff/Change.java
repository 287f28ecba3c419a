package dev.sluice.migrations.diff;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * One step of a {@link MigrationPlan}. Every change carries what its {@link #reverse()} needs, so
 * that a plan's down script is the reversed list of reversed changes; {@link #dataLoss()} says
 * when running it can lose data (the lint in {@link DataLossLint}).
 */
public sealed interface Change {

  /** The change that undoes this one. */
  Change reverse();

  /** Why this change can lose data or fail on existing rows, or empty when it cannot. */
  default Optional<String> dataLoss() { return Optional.empty(); }

  /** A one-line description, used in comments and reports. */
  String describe();

  /** Calls the visitor's method for this kind of change. */
  <R> R accept(ChangeVisitor<R> visitor);

  // ---- enum types ---------------------------------------------------------------------------

  /** {@code CREATE TYPE name AS ENUM (...)} where enums are types. */
  record CreateEnum(EnumSnapshot type) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropEnum(type); }
    @Override public String describe() { return "create enum " + type.name() + " " + type.values(); }
  }

  /** Drops an enum type no column uses any more. */
  record DropEnum(EnumSnapshot type) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new CreateEnum(type); }
    @Override public String describe() { return "drop enum " + type.name(); }
  }

  /** Adds {@code value} to an enum; {@code after} is the type with the value. */
  record AddEnumValue(EnumSnapshot after, String value) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropEnumValue(after, value); }
    @Override public String describe() { return "add value '" + value + "' to enum " + after.name(); }
  }

  /** Removes {@code value} from an enum; {@code before} is the type that still has it. */
  record DropEnumValue(EnumSnapshot before, String value) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddEnumValue(before, value); }
    @Override public Optional<String> dataLoss() {
      return Optional.of("removing value '" + value + "' from enum " + before.name()
          + " fails while a row holds it");
    }
    @Override public String describe() { return "drop value '" + value + "' from enum " + before.name(); }
  }

  /**
   * Renames label {@code from} of an enum to {@code to}; {@code after} is the type with the new
   * label. Stored values are rewritten where the database keeps the label in each row.
   */
  record RenameEnumValue(EnumSnapshot after, String from, String to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new RenameEnumValue(before(), to, from); }
    @Override public String describe() { return "rename value '" + from + "' of enum " + after.name() + " to '" + to + "'"; }

    /** The type with the old label, where the new one now is. */
    public EnumSnapshot before() {
      return new EnumSnapshot(after.name(), after.values().stream().map(v -> v.equals(to) ? from : v).toList());
    }
  }

  // ---- tables -------------------------------------------------------------------------------

  /** Creates a table with its keys, constraints and indexes. */
  record CreateTable(TableSnapshot table) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropTable(table); }
    @Override public String describe() { return "create table " + table.name(); }
  }

  /** Drops a table; {@code table} is what it was, so the down script can recreate it (empty). */
  record DropTable(TableSnapshot table) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new CreateTable(table); }
    @Override public Optional<String> dataLoss() {
      return Optional.of("dropping table " + table.name() + " deletes its rows");
    }
    @Override public String describe() { return "drop table " + table.name(); }
  }

  /** Renames a table. */
  record RenameTable(String from, String to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new RenameTable(to, from); }
    @Override public String describe() { return "rename table " + from + " to " + to; }
  }

  // ---- columns ------------------------------------------------------------------------------

  /** Adds a column (a generated one is computed for the existing rows). */
  record AddColumn(String table, ColumnSnapshot column) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropColumn(table, column); }
    @Override public Optional<String> dataLoss() {
      return !column.nullable() && column.defaultValue() == null && !column.identity() && column.generated() == null
          ? Optional.of("adding NOT NULL column " + table + "." + column.name()
              + " without a default fails on a table with rows")
          : Optional.empty();
    }
    @Override public String describe() { return "add column " + table + "." + column.name(); }
  }

  /**
   * Drops a column; {@code column} is what it was. Dropping a generated column loses nothing: its
   * values are computed from the other columns, and adding it back computes them again.
   */
  record DropColumn(String table, ColumnSnapshot column) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddColumn(table, column); }
    @Override public Optional<String> dataLoss() {
      return column.generated() != null ? Optional.empty() : Optional.of("dropping column " + table + "." + column.name() + " deletes its values");
    }
    @Override public String describe() { return "drop column " + table + "." + column.name(); }
  }

  /** Renames a column of {@code table} (the table's name at this point of the plan). */
  record RenameColumn(String table, String from, String to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new RenameColumn(table, to, from); }
    @Override public String describe() { return "rename column " + table + "." + from + " to " + to; }
  }

  /** Changes a column's type; values are converted by the database's cast. */
  record AlterColumnType(String table, String column, ColumnType from, ColumnType to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AlterColumnType(table, column, to, from); }
    @Override public Optional<String> dataLoss() {
      return from.isNarrowedBy(to)
          ? Optional.of("changing " + table + "." + column + " from " + from + " to " + to
              + " narrows it: values may be cut or refused")
          : Optional.empty();
    }
    @Override public String describe() {
      return "alter column " + table + "." + column + " type " + from + " -> " + to;
    }
  }

  /** Makes a column nullable or {@code NOT NULL}. */
  record AlterNullability(String table, String column, boolean nullable) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AlterNullability(table, column, !nullable); }
    @Override public Optional<String> dataLoss() {
      return nullable ? Optional.empty()
          : Optional.of("setting NOT NULL on " + table + "." + column + " fails while a row holds null");
    }
    @Override public String describe() {
      return "alter column " + table + "." + column + (nullable ? " drop not null" : " set not null");
    }
  }

  /** Changes a column's default (null for none). */
  record AlterDefault(String table, String column, ColumnDefault from, ColumnDefault to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AlterDefault(table, column, to, from); }
    @Override public String describe() {
      return "alter column " + table + "." + column + " default " + from + " -> " + to;
    }
  }

  /** Replaces the primary key (an empty list for none). */
  record AlterPrimaryKey(String table, List<String> from, List<String> to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    public AlterPrimaryKey {
      from = List.copyOf(from);
      to = List.copyOf(to);
    }
    @Override public Change reverse() { return new AlterPrimaryKey(table, to, from); }
    @Override public Optional<String> dataLoss() {
      return to.isEmpty() ? Optional.empty()
          : Optional.of("the new primary key of " + table + " " + to + " fails on duplicate or null values");
    }
    @Override public String describe() { return "alter primary key of " + table + " " + from + " -> " + to; }
  }

  // ---- constraints and indexes --------------------------------------------------------------

  /** Adds an index. */
  record AddIndex(String table, IndexSnapshot index) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropIndex(table, index); }
    @Override public String describe() { return "add index " + index.name() + " on " + table; }
  }

  /** Drops an index. */
  record DropIndex(String table, IndexSnapshot index) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddIndex(table, index); }
    @Override public String describe() { return "drop index " + index.name() + " on " + table; }
  }

  /** Adds a foreign key. */
  record AddForeignKey(String table, ForeignKeySnapshot foreignKey) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropForeignKey(table, foreignKey); }
    @Override public String describe() { return "add foreign key " + foreignKey.name() + " on " + table; }
  }

  /** Drops a foreign key. */
  record DropForeignKey(String table, ForeignKeySnapshot foreignKey) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddForeignKey(table, foreignKey); }
    @Override public String describe() { return "drop foreign key " + foreignKey.name() + " on " + table; }
  }

  /** Adds a unique constraint. */
  record AddUnique(String table, UniqueSnapshot unique) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropUnique(table, unique); }
    @Override public Optional<String> dataLoss() {
      return Optional.of("unique constraint " + unique.name() + " fails on duplicate values in " + table);
    }
    @Override public String describe() { return "add unique " + unique.name() + " on " + table; }
  }

  /** Drops a unique constraint. */
  record DropUnique(String table, UniqueSnapshot unique) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddUnique(table, unique); }
    @Override public String describe() { return "drop unique " + unique.name() + " on " + table; }
  }

  /** Adds a check constraint. */
  record AddCheck(String table, CheckSnapshot check) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropCheck(table, check); }
    @Override public String describe() { return "add check " + check.name() + " on " + table; }
  }

  /** Drops a check constraint. */
  record DropCheck(String table, CheckSnapshot check) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new AddCheck(table, check); }
    @Override public String describe() { return "drop check " + check.name() + " on " + table; }
  }

  // ---- database schemas ---------------------------------------------------------------------

  /** {@code CREATE SCHEMA} for a schema a table of the new snapshot is declared in. */
  record CreateSchema(String schema) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropSchema(schema); }
    @Override public String describe() { return "create schema " + schema; }
  }

  /**
   * Drops a schema of the old snapshot that no table or view of the new one is declared in; the
   * database refuses it while it holds anything (no {@code CASCADE}).
   */
  record DropSchema(String schema) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new CreateSchema(schema); }
    @Override public String describe() { return "drop schema " + schema; }
  }

  // ---- views --------------------------------------------------------------------------------

  /** Creates a view from its definition, after the tables and views it reads. */
  record CreateView(ViewSnapshot view) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new DropView(view); }
    @Override public String describe() {
      return "create " + (view.materialized() ? "materialized view " : "view ") + view.name();
    }
  }

  /**
   * Drops a view: one that goes away, or one dropped before a change to a table or view it reads and
   * created again after it. A view holds no data (a materialized view's rows are computed again
   * when it is created).
   */
  record DropView(ViewSnapshot view) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new CreateView(view); }
    @Override public String describe() {
      return "drop " + (view.materialized() ? "materialized view " : "view ") + view.name();
    }
  }

  /**
   * Replaces a view's query, keeping its name and columns: {@code CREATE OR REPLACE VIEW} (SQL
   * Server {@code CREATE OR ALTER VIEW}, SQLite drop and create).
   */
  record ReplaceView(ViewSnapshot from, ViewSnapshot to) implements Change {
    @Override public <R> R accept(ChangeVisitor<R> v) { return v.visit(this); }
    @Override public Change reverse() { return new ReplaceView(to, from); }
    @Override public String describe() { return "replace view " + to.name(); }
  }
}
