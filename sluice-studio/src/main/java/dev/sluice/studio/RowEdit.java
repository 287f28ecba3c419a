package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Database;
import dev.sluice.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One edit of one row, as {@code PUT /api/tables/{table}/rows} sends it:
 * <pre>{@code {"key": {"id": 7}, "old": {"id": 7, "name": "Ann", ...}, "values": {"name": "Anna"}}}</pre>
 * {@code key} names the row by its primary key, {@code old} holds the values the page showed (as the
 * studio wrote them), {@code values} the new ones. In one transaction the row is read again (locked
 * where the dialect can), compared column by column with {@code old}, and updated only if nothing
 * moved: a concurrent change is a 409 naming the column, never overwritten.
 */
record RowEdit(StudioTable table, List<Object> key, Map<String, JsonNode> old, Map<StudioColumn, Object> values) {

  /** The edit in {@code body}, checked against {@code table}; a 400 naming what was wrong otherwise. */
  static RowEdit parse(StudioTable table, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw HttpError.badRequest("Expected a JSON object with key, old and values");
    }
    List<StudioColumn> pk = table.primaryKey();
    if (pk.isEmpty()) {
      throw HttpError.badRequest("Table " + table.name() + " has no primary key: the studio cannot name one of its rows");
    }
    JsonNode keyNode = object(body, "key");
    List<Object> key = new ArrayList<>();
    for (StudioColumn k : pk) {
      JsonNode v = keyNode.get(k.name());
      if (v == null || v.isNull()) {
        throw HttpError.badRequest("key must give the primary key column " + k.name());
      }
      key.add(Values.fromJson(k, v));
    }
    Map<String, JsonNode> old = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(body, "old").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      RowsRequest.column(table, e.getKey());
      old.put(e.getKey(), e.getValue());
    }
    Map<StudioColumn, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(body, "values").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      StudioColumn c = RowsRequest.column(table, e.getKey());
      if (c.primaryKey()) {
        throw HttpError.badRequest("Column " + c.name() + " is part of the primary key: the studio does not change keys");
      }
      if (!old.containsKey(c.name())) {
        throw HttpError.badRequest("old must give the value the page showed for " + c.name()
            + ", so that a concurrent change is not overwritten");
      }
      values.put(c, Values.fromJson(c, e.getValue()));
    }
    if (values.isEmpty()) {
      throw HttpError.badRequest("values is empty: nothing to change");
    }
    return new RowEdit(table, key, old, values);
  }

  /** Runs the edit on {@code db} in a transaction; emits the row as stored afterwards. */
  Mono<Row> apply(Database db, RowQueries queries) {
    return db.inTransaction(tx -> queries.byKey(table, key, true).on(tx).fetch().collectList().flatMap(rows -> {
      if (rows.isEmpty()) {
        return Mono.error(HttpError.notFound("No row in " + table.name() + " with " + describeKey()
            + " (deleted since the page read it?)"));
      }
      compare(rows.get(0));
      return queries.update(table, values, key).on(tx).execute().flatMap(n -> n == 1
          ? queries.byKey(table, key, false).on(tx).fetch().next()
          : Mono.error(new HttpError(409, "The update of " + table.name() + " " + describeKey() + " changed " + n + " rows")));
    })).next();
  }

  private void compare(Row current) {
    List<StudioColumn> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      StudioColumn c = columns.get(i);
      JsonNode seen = old.get(c.name());
      if (seen == null) {
        continue;
      }
      JsonNode now = Values.toJson(c, current.get(i, Object.class));
      if (!same(seen, now)) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("column", c.name());
        details.put("current", now);
        details.put("seen", seen);
        throw new HttpError(409, "The row changed since the page read it: " + c.name() + " is now "
            + now + ", the page showed " + seen + "; reload and edit again", details);
      }
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    return a.asText().equals(b.asText());
  }

  private String describeKey() {
    List<String> parts = new ArrayList<>();
    List<StudioColumn> pk = table.primaryKey();
    for (int i = 0; i < pk.size(); i++) {
      parts.add(pk.get(i).name() + " = " + key.get(i));
    }
    return String.join(", ", parts);
  }

  private static JsonNode object(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isObject()) {
      throw HttpError.badRequest(field + " must be a JSON object of column names to values");
    }
    return n;
  }
}
