package dev.sluice.testing;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.JsonDocs.DOCS;
import static dev.sluice.testing.JsonDocs.HOSTILE_KEY;

import dev.sluice.Database;
import dev.sluice.query.Json;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** JSON path reads and tests, rendered by every dialect for the golden SQL ({@code json-<dialect>.txt}). */
public final class JsonCatalogue {
  private JsonCatalogue() {}

  public static Map<String, RenderedSql> render(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("textPath", d -> d.select(DOCS.id, Json.text(DOCS.meta, "address", "city")).from(DOCS)
        .where(eq(Json.text(DOCS.meta, "name"), "Ann")).toSql(dialect));
    q.put("typedPaths", d -> d.select(DOCS.id).from(DOCS)
        .where(and(gt(Json.integer(DOCS.meta, "age"), 30L), eq(Json.bool(DOCS.meta, "active"), true),
            lt(Json.number(DOCS.meta, "score"), 2.5)))
        .orderBy(asc(Json.text(DOCS.meta, "name"))).toSql(dialect));
    q.put("hasPath", d -> d.selectFrom(DOCS).where(Json.hasPath(DOCS.meta, "address", "city")).toSql(dialect));
    q.put("containsJsonb", d -> d.selectFrom(DOCS).where(Json.contains(DOCS.meta, "{\"tags\": [\"a\"]}")).toSql(dialect));
    q.put("containsJson", d -> d.selectFrom(DOCS).where(Json.contains(DOCS.raw, "{\"a\": 1}")).toSql(dialect));
    q.put("hostileKey", d -> d.select(Json.text(DOCS.meta, HOSTILE_KEY, "a\"b\\c")).from(DOCS).toSql(dialect));
    q.put("setJsonb", d -> d.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, 42L, "address", "zip"))
        .where(eq(DOCS.id, 1)).toSql(dialect));
    q.put("setJsonText", d -> d.update(DOCS).set(DOCS.raw, Json.set(DOCS.raw, "x", "a")).where(eq(DOCS.id, 1)).toSql(dialect));
    q.put("setJsonRecord", d -> d.update(DOCS).set(DOCS.meta,
        Json.set(DOCS.meta, new TypedJsonDocs.Address("Lima", "15001"), "address")).all().toSql(dialect));
    q.put("setJsonNull", d -> d.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, null, "name")).all().toSql(dialect));
    q.put("setHostileKey", d -> d.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, true, HOSTILE_KEY, "a\"b\\c"))
        .all().toSql(dialect));
    q.put("removeJsonb", d -> d.update(DOCS).set(DOCS.meta, Json.remove(DOCS.meta, "address", "city"))
        .where(eq(DOCS.id, 1)).toSql(dialect));
    q.put("removeJsonText", d -> d.update(DOCS).set(DOCS.raw, Json.remove(DOCS.raw, "a")).all().toSql(dialect));
    q.put("typedColumnPath", d -> d.select(TypedJsonDocs.TYPED.id).from(TypedJsonDocs.TYPED)
        .where(gt(Json.integer(TypedJsonDocs.TYPED.profile, "big"), 1L)).toSql(dialect));
    q.put("typedColumnInsert", d -> d.insertInto(TypedJsonDocs.TYPED).values(new TypedJsonDocs.Typed(null,
        new TypedJsonDocs.Profile("Ann", new java.math.BigDecimal("1.50"), 9007199254740993L, "\u00e9\u4e2d",
            new TypedJsonDocs.Address("Lima", null), java.util.List.of(), java.time.Instant.parse("2026-01-02T03:04:05.123456Z"),
            null), java.util.List.of(new TypedJsonDocs.Item("a-1", new java.math.BigDecimal("0.10"), 2))))
        .toSql(dialect));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, attempt(() -> f.apply(db))));
    return out;
  }

  /** A refusal is kept as its message in place of the SQL, with no binds. */
  private static RenderedSql attempt(java.util.function.Supplier<RenderedSql> render) {
    try {
      return render.get();
    } catch (dev.sluice.error.UnsupportedByDialectException e) {
      return new RenderedSql("ERR " + e.getMessage(), java.util.List.of());
    }
  }
}
