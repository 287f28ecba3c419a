package dev.sluice.dialect.mssql;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;

/**
 * SQL Server's JSON functions: the standard {@code JSON_VALUE([meta], ?)} (path bound, SQL Server
 * 2017 and later) and {@code JSON_PATH_EXISTS([meta], ?) = 1} (SQL Server 2022); no containment.
 */
class SqlServerJson extends JsonRenderer {

  SqlServerJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.CONTAINS) {
      throw unsupported("JSON containment");
    }
    ctx.sql("JSON_PATH_EXISTS(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(") = 1");
  }
}
