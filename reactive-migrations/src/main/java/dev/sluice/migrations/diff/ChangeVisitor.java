package dev.sluice.migrations.diff;

import dev.sluice.migrations.diff.Change.*;

/**
 * One method per kind of {@link Change}: renderers and {@link SchemaChanges} implement it, so that a
 * new kind of change fails to compile until every one of them handles it.
 *
 * @param <R> what a visit returns
 */
public interface ChangeVisitor<R> {
  R visit(CreateEnum change);

  R visit(DropEnum change);

  R visit(AddEnumValue change);

  R visit(DropEnumValue change);

  R visit(RenameEnumValue change);

  R visit(CreateTable change);

  R visit(DropTable change);

  R visit(RenameTable change);

  R visit(AddColumn change);

  R visit(DropColumn change);

  R visit(RenameColumn change);

  R visit(AlterColumnType change);

  R visit(AlterNullability change);

  R visit(AlterDefault change);

  R visit(AlterPrimaryKey change);

  R visit(AddIndex change);

  R visit(DropIndex change);

  R visit(AddForeignKey change);

  R visit(DropForeignKey change);

  R visit(AddUnique change);

  R visit(DropUnique change);

  R visit(AddCheck change);

  R visit(DropCheck change);

  R visit(CreateSchema change);

  R visit(DropSchema change);

  R visit(CreateView change);

  R visit(DropView change);

  R visit(ReplaceView change);
}
