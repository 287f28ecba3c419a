package dev.sluice.dialect.h2;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.MergeUpsert;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.Upsert;
import java.util.ArrayList;
import java.util.List;

/** H2's upsert: the standard MERGE, updating only supplied columns, with byte values typed. */
class H2Merge extends MergeUpsert {

  H2Merge(StandardDialect dialect) {
    super(dialect);
  }

  /**
   * MERGE updates only columns the statement supplies: a column left to its database default (a
   * serial id, a {@code now()} default) is not in the {@code USING (VALUES ...)} source, so
   * {@code doUpdateAll()} must not name it.
   */
  @Override protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    if (u != null && !u.doNothing()) {
      List<Column<?>> supplied = node.columns();
      List<Column<?>> update = u.update().stream()
          .filter(c -> supplied.contains(c) && !u.conflict().contains(c)).toList();
      node = new InsertQuery(node.table(), node.columns(), node.rows(), node.returning(),
          new Upsert(u.conflict(), update.isEmpty() ? List.of() : update));
    }
    super.appendUpsert(merged(node), ctx);
  }

  /**
   * The upsert with its byte values cast to their column type: in {@code MERGE ... USING (VALUES ?)}
   * H2 takes an untyped bytes bind for text and stores its hex digits (256 bytes became 512).
   */
  private static InsertQuery merged(InsertQuery node) {
    List<List<Expr<?>>> rows = new ArrayList<>(node.rows().size());
    for (List<Expr<?>> row : node.rows()) {
      List<Expr<?>> typed = new ArrayList<>(row.size());
      for (int c = 0; c < row.size(); c++) {
        DataType<?> type = node.columns().get(c).dataType();
        Expr<?> v = row.get(c);
        typed.add(type.kind() == SqlKind.BYTES && v instanceof Param<?> ? new Cast<>(v, type) : v);
      }
      rows.add(typed);
    }
    return new InsertQuery(node.table(), node.columns(), rows, node.returning(), node.upsert());
  }
}
