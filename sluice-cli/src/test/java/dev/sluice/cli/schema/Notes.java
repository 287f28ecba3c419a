package dev.sluice.cli.schema;

import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Table;
import java.time.LocalDateTime;

/** The schema the jar test generates a migration from: given to the jar by --classpath, as a user's build output would be. */
public final class Notes {
  private Notes() { }

  public record Author(Integer id, String name) { }

  public record Note(Integer id, Integer authorId, String body, LocalDateTime createdAt) { }

  public static final class Authors extends Table<Author> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 100).notNull().unique();

    public Authors() { super("authors"); }
  }

  public static final class NotesTable extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> authorId = integer("author_id").notNull().references(() -> Notes.AUTHORS.id);
    public final Column<String> body = text("body");
    public final Column<LocalDateTime> createdAt = timestamp("created_at").defaultSql("CURRENT_TIMESTAMP");
    public final Index byAuthor = index(authorId);

    public NotesTable() { super("notes"); }
  }

  public static final Authors AUTHORS = new Authors();
  public static final NotesTable NOTES = new NotesTable();
}
