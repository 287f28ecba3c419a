package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Database;
import dev.sluice.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The studio's JSON API over one database and its table model: the tables, a page of rows, an edit.
 * It knows nothing of HTTP beyond the status of its {@link HttpError}s ({@link Routes} serves it).
 */
final class Api {
  private final Database db;
  private final Map<String, StudioTable> tables;
  private final boolean writable;
  private final RowQueries queries;
  private final ObjectMapper json;

  Api(Database db, List<StudioTable> tables, boolean writable, ObjectMapper json) {
    this.db = db;
    this.tables = new LinkedHashMap<>();
    for (StudioTable t : tables) {
      if (this.tables.put(t.name(), t) != null) {
        throw new IllegalArgumentException("Two tables named " + t.name());
      }
    }
    this.writable = writable;
    this.queries = new RowQueries(db.dialect());
    this.json = json;
  }

  boolean writable() { return writable; }

  /** {@code GET /api/tables}: the mode, the dialect and each table with its columns. */
  ObjectNode tables() {
    ObjectNode out = json.createObjectNode();
    out.put("writable", writable).put("dialect", db.dialect().name());
    ArrayNode list = out.putArray("tables");
    for (StudioTable t : tables.values()) {
      ObjectNode table = list.addObject().put("name", t.name());
      ArrayNode key = table.putArray("primaryKey");
      t.primaryKey().forEach(k -> key.add(k.name()));
      ArrayNode columns = table.putArray("columns");
      for (StudioColumn c : t.columns()) {
        columns.addObject().put("name", c.name()).put("kind", c.kind().name()).put("nullable", c.nullable())
            .put("primaryKey", c.primaryKey()).put("editable", writable && c.editable() && !c.primaryKey() && !t.primaryKey().isEmpty())
            .put("filter", !c.editable() ? null : c.textual() ? "contains" : "equals");
      }
    }
    return out;
  }

  /** {@code GET /api/tables/{table}/rows?page=&size=&sort=&dir=&f.<column>=}: one page and the total. */
  Mono<ObjectNode> rows(String tableName, Map<String, List<String>> params) {
    return Mono.defer(() -> {
      RowsRequest r = RowsRequest.parse(table(tableName), params);
      Mono<Long> total = queries.count(r).on(db).fetch().next().map(row -> ((Number) row.get(0, Object.class)).longValue());
      Mono<List<ObjectNode>> rows = queries.page(r).on(db).fetch().map(row -> row(r.table(), row)).collectList();
      return Mono.zip(total, rows).map(t -> {
        ObjectNode out = json.createObjectNode();
        out.put("table", r.table().name()).put("page", r.page()).put("size", r.size()).put("total", t.getT1())
            .put("sort", r.sort() == null ? null : r.sort().name()).put("dir", r.descending() ? "desc" : "asc");
        out.putArray("rows").addAll(t.getT2());
        return out;
      });
    });
  }

  /** {@code PUT /api/tables/{table}/rows}: an edit ({@link RowEdit}); 403 in read-only mode. Emits the stored row. */
  Mono<ObjectNode> edit(String tableName, JsonNode body) {
    return Mono.defer(() -> {
      if (!writable) {
        return Mono.error(HttpError.forbidden("The studio is read-only: start it with --write to edit rows"));
      }
      StudioTable t = table(tableName);
      return RowEdit.parse(t, body).apply(db, queries).map(row -> {
        ObjectNode out = json.createObjectNode();
        out.set("row", row(t, row));
        return out;
      });
    });
  }

  private StudioTable table(String name) {
    StudioTable t = tables.get(name);
    if (t == null) {
      throw HttpError.notFound("No table " + name + " in the studio");
    }
    return t;
  }

  private ObjectNode row(StudioTable t, Row row) {
    ObjectNode out = json.createObjectNode();
    List<StudioColumn> columns = t.columns();
    for (int i = 0; i < columns.size(); i++) {
      out.set(columns.get(i).name(), Values.toJson(columns.get(i), row.get(i, Object.class)));
    }
    return out;
  }
}
