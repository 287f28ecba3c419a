package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;

/** Folders and the documents in them; documents are soft-deleted ({@code deletedAt()}). */
public final class SoftDeleted {
  private SoftDeleted() {}

  /** Folders: really deleted. */
  public static final class Folders extends Table<Folder> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 50).notNull();
    public final Relation<Folder, Doc> docs = hasMany(() -> DOCS.folderId);

    public Folders() { super("folders"); }
  }

  /** Documents: a title, an optional folder, and the soft-delete mark. */
  public static final class Docs extends Table<Doc> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> folderId = integer("folder_id")
        .references(() -> FOLDERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<String> title = varchar("title", 50).notNull();
    public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at").deletedAt();
    public final Relation<Doc, Folder> folder = belongsTo(() -> folderId);

    public Docs() { super("docs"); }
  }

  /** Labels: a name unique among the live rows only (a partial unique index), soft-deleted. */
  public static final class Labels extends Table<Label> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 50).notNull();
    public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at").deletedAt();
    public final dev.sluice.schema.Index liveName = uniqueIndex(name).where("deleted_at IS NULL");

    public Labels() { super("labels"); }
  }

  /** A label. */
  public record Label(Integer id, String name, OffsetDateTime deletedAt) {}

  /** A folder. */
  public record Folder(Integer id, String name) {}

  /** A document. */
  public record Doc(Integer id, Integer folderId, String title, OffsetDateTime deletedAt) {
    /** A new, live document. */
    public static Doc of(Integer folderId, String title) { return new Doc(null, folderId, title, null); }
  }

  public static final Folders FOLDERS = new Folders();
  public static final Docs DOCS = new Docs();
  public static final Labels LABELS = new Labels();
}
