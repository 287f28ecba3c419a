package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.SoftDeleted.DOCS;
import static dev.sluice.testing.SoftDeleted.FOLDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.schema.Table;
import dev.sluice.testing.SoftDeleted.Doc;
import dev.sluice.testing.SoftDeleted.Folder;
import dev.sluice.testing.Stamped.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Soft delete on a live database: {@code deleteFrom} marks rows of a table with a {@code deletedAt()}
 * column, selects, counts and relation loads skip them, {@code withDeleted()}/{@code onlyDeleted()}
 * read them, {@code restore} brings them back and {@code permanently()} deletes for real.
 */
public abstract class SoftDeleteContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  /** A folder with its documents, read through the relation. */
  public record FolderWithDocs(String name, List<Doc> docs) {}

  /** A folder with the number of its documents. */
  public record FolderCount(String name, long docsCount) {}

  /** A document with its folder's count. */
  public record DocInFolder(String title, FolderCount folder) {}

  private Database timed;
  private Folder folder;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {DOCS, FOLDERS}; }

  @BeforeEach
  void seed() {
    timed = builder().clock(new HandClock(T0)).build();
    folder = timed.insertInto(FOLDERS).set(FOLDERS.name, "inbox").returning().block(T);
    timed.insertInto(DOCS).values(List.of(Doc.of(folder.id(), "a"), Doc.of(folder.id(), "b"),
        Doc.of(folder.id(), "c"))).execute().block(T);
  }

  private List<String> titles(dev.sluice.query.SelectFrom<Doc> q) {
    return q.orderBy(DOCS.title).fetch().map(Doc::title).collectList().block(T);
  }

  @Test
  void deleteMarksTheRowsWithTheClocksTimeInsteadOfDeleting() {
    assertThat(timed.deleteFrom(DOCS).where(eq(DOCS.title, "b")).execute().block(T)).isEqualTo(1L);
    assertThat(timed.deleteFrom(DOCS).where(eq(DOCS.title, "b")).execute().block(T))
        .as("already deleted: nothing newly deleted").isZero();
    List<Doc> all = db.selectFrom(DOCS).withDeleted().orderBy(DOCS.title).fetch().collectList().block(T);
    assertThat(all).hasSize(3);
    assertThat(all.get(1).deletedAt().toInstant()).isEqualTo(T0);
    assertThat(all.get(0).deletedAt()).isNull();
  }

  @Test
  void selectsCountsAndProjectionsSkipDeletedRows() {
    timed.deleteFrom(DOCS).where(eq(DOCS.title, "b")).execute().block(T);
    assertThat(titles(db.selectFrom(DOCS))).containsExactly("a", "c");
    assertThat(titles(db.selectFrom(DOCS).where(ne(DOCS.title, "a")))).containsExactly("c");
    assertThat(db.selectFrom(DOCS).count().block(T)).isEqualTo(2L);
    assertThat(db.selectFrom(DOCS).where(eq(DOCS.title, "b")).exists().block(T)).isFalse();
    assertThat(db.select(DOCS.title).from(DOCS).orderBy(DOCS.title).fetch().map(r -> r.value1())
        .collectList().block(T)).containsExactly("a", "c");
    assertThat(db.selectFrom(DOCS).where(eq(DOCS.title, "b")).fetchOne().block(T)).isNull();
  }

  @Test
  void withDeletedAndOnlyDeletedReadTheMarkedRows() {
    timed.deleteFrom(DOCS).where(eq(DOCS.title, "b")).execute().block(T);
    assertThat(titles(db.selectFrom(DOCS).withDeleted())).containsExactly("a", "b", "c");
    assertThat(titles(db.selectFrom(DOCS).where(ne(DOCS.title, "a")).withDeleted())).containsExactly("b", "c");
    assertThat(titles(db.selectFrom(DOCS).onlyDeleted())).containsExactly("b");
    assertThat(db.selectFrom(DOCS).onlyDeleted().count().block(T)).isEqualTo(1L);
    assertThatThrownBy(() -> db.selectFrom(FOLDERS).onlyDeleted())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("onlyDeleted() needs a table with a deletedAt() column; folders has none");
  }

  @Test
  void relationLoadsSkipDeletedRows() {
    timed.deleteFrom(DOCS).where(eq(DOCS.title, "a")).execute().block(T);
    List<FolderWithDocs> got = db.selectFrom(FOLDERS).with(FOLDERS.docs).fetch(FolderWithDocs.class)
        .collectList().block(T);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).docs()).extracting(Doc::title).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void restoreBringsDeletedRowsBack() {
    timed.deleteFrom(DOCS).all().execute().block(T);
    assertThat(titles(db.selectFrom(DOCS))).isEmpty();
    assertThat(timed.update(DOCS).restore(eq(DOCS.title, "c")).execute().block(T)).isEqualTo(1L);
    assertThat(timed.update(DOCS).restore(eq(DOCS.title, "c")).execute().block(T))
        .as("not deleted any more").isZero();
    assertThat(titles(db.selectFrom(DOCS))).containsExactly("c");
    assertThat(db.selectFrom(DOCS).fetchOne().block(T).deletedAt()).isNull();
    assertThatThrownBy(() -> db.update(FOLDERS).restore(eq(FOLDERS.id, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("restore(...) needs a deletedAt() column; table folders has none");
  }

  @Test
  void permanentlyDeletesForReal() {
    timed.deleteFrom(DOCS).where(eq(DOCS.title, "a")).execute().block(T);
    assertThat(timed.deleteFrom(DOCS).permanently().where(eq(DOCS.title, "a")).execute().block(T)).isEqualTo(1L);
    assertThat(titles(db.selectFrom(DOCS).withDeleted())).containsExactly("b", "c");
  }

  @Test
  void aNestedCountSkipsDeletedRowsInOneGroupedStatement() {
    Folder trash = timed.insertInto(FOLDERS).set(FOLDERS.name, "trash").returning().block(T);
    timed.insertInto(DOCS).values(Doc.of(trash.id(), "z")).execute().block(T);
    timed.deleteFrom(DOCS).where(or(eq(DOCS.title, "b"), eq(DOCS.title, "z"))).execute().block(T);
    java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
    Database counted = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements))
        .pooled(false).build();
    List<DocInFolder> r = counted.selectFrom(DOCS).withDeleted().with(DOCS.folder.withCount(FOLDERS.docs))
        .orderBy(DOCS.title).fetch(DocInFolder.class).collectList().block(T);
    assertThat(r).extracting(d -> d.title() + ":" + d.folder().name() + "=" + d.folder().docsCount())
        .as("b and z are deleted: inbox counts a and c, trash nothing")
        .containsExactly("a:inbox=2", "b:inbox=2", "c:inbox=2", "z:trash=0");
    assertThat(statements).as("the documents, their folders, the folders' counts").hasValue(3);
  }

  @Test
  void aUniqueIndexOverTheLiveRowsFreesTheNameOfADeletedRow() {
    dev.sluice.testing.SoftDeleted.Labels labels = dev.sluice.testing.SoftDeleted.LABELS;
    db.dropTables(labels).block(T);
    if (java.util.Set.of("mysql", "mariadb", "h2").contains(db.dialect().name())) {
      assertThatThrownBy(() -> db.createTables(labels).block(T))
          .as("no partial indexes: refused before anything is sent")
          .isInstanceOf(dev.sluice.error.UnsupportedByDialectException.class).hasMessageContaining("labels_name_index");
      return;
    }
    db.createTables(labels).block(T);
    try {
      db.insertInto(labels).set(labels.name, "urgent").execute().block(T);
      assertThatThrownBy(() -> db.insertInto(labels).set(labels.name, "urgent").execute().block(T))
          .isInstanceOf(dev.sluice.error.UniqueViolationException.class);
      timed.deleteFrom(labels).where(eq(labels.name, "urgent")).execute().block(T);
      db.insertInto(labels).set(labels.name, "urgent").execute().block(T);
      assertThat(db.selectFrom(labels).count().block(T)).isEqualTo(1L);
      assertThat(db.selectFrom(labels).withDeleted().count().block(T)).isEqualTo(2L);
    } finally {
      db.dropTables(labels).block(T);
    }
  }
}
