package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/** A table of JSON documents, for the JSON contract and golden SQL. */
public final class JsonDocs {
  private JsonDocs() {}

  /** A key no path may turn into SQL: a quote, a statement separator, a comment. */
  public static final String HOSTILE_KEY = "x'); DROP TABLE json_docs; --";

  public record Doc(Integer id, String meta, String raw) {}

  public static final class Docs extends Table<Doc> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> meta = jsonb("meta");
    public final Column<String> raw = json("raw");

    public Docs() { super("json_docs"); }
  }

  public static final Docs DOCS = new Docs();
}
