package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Table;
import java.time.LocalDate;

/** A table whose name and most column names come from the default naming strategy. */
public final class Named {
  private Named() {}

  /** Blog posts: table {@code blog_posts}, columns {@code id}, {@code author_name}, {@code published_on}, {@code content}. */
  public static final class BlogPosts extends Table<BlogPost> {
    public final Column<Integer> id = serial().primaryKey();
    public final Column<String> authorName = varchar(100).notNull();
    public final Column<LocalDate> publishedOn = date();
    public final Column<String> body = text("content");
    public final Index byAuthor = index(authorName);

    public BlogPosts() { super(); }
  }

  /** A blog post. */
  public record BlogPost(Integer id, String authorName, LocalDate publishedOn, String body) {}

  public static final BlogPosts BLOG_POSTS = new BlogPosts();
}
