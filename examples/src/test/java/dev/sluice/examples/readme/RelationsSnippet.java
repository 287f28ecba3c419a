package dev.sluice.examples.readme;

import dev.sluice.schema.Column;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.Comment;
import dev.sluice.testing.Post;
import dev.sluice.testing.User;

/** The README's relation declarations, in tables shaped as the tests' (dev.sluice.testing.Schema). */
final class RelationsSnippet {
  private RelationsSnippet() {}

  static final Users USERS = new Users();
  static final Posts POSTS = new Posts();

  // tag::relations-schema[]
  public static final class Users extends Table<User> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> fullName = varchar("full_name", 256).notNull();
    // ... phone, email, createdAt
    public final Relation<User, Post>      posts  = hasMany(() -> POSTS.authorId);
    public final Relation<User, ChatGroup> groups = manyToMany(() -> MEMBERSHIPS.userId, () -> MEMBERSHIPS.groupId);
    public Users() { super("users"); }
  }

  public static final class Posts extends Table<Post> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> authorId = integer("author_id").notNull()
        .references(() -> USERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<String> title = varchar("title", 200).notNull();
    public final Relation<Post, User>    author   = belongsTo(() -> authorId);
    public final Relation<Post, Comment> comments = hasMany(() -> COMMENTS.postId);
    public Posts() { super("posts"); }
  }
  // end::relations-schema[]

  static final dev.sluice.testing.Schema.Memberships MEMBERSHIPS = dev.sluice.testing.Schema.MEMBERSHIPS;
  static final dev.sluice.testing.Schema.Comments COMMENTS = dev.sluice.testing.Schema.COMMENTS;
}
