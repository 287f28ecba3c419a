package dev.sluice.examples.service;

import dev.sluice.examples.service.Tables.User;
import java.util.List;

/** The body of {@code POST /users} and one line of {@code POST /users/import}. */
public record NewUser(String email, String name, List<String> posts) {

  /** This request, checked: a missing or too long field fails with {@link InvalidInput}. */
  public NewUser validated() {
    Fields.email(email);
    Fields.text("name", name, 100);
    if (posts != null) {
      for (int i = 0; i < posts.size(); i++) {
        Fields.text("posts[" + i + "]", posts.get(i), 200);
      }
    }
    return this;
  }

  /** The row to insert; Sluice fills the id, the version and the creation time. */
  public User toUser() {
    return new User(null, email, name, null, null);
  }

  /** The titles of the first posts, none when not given. */
  public List<String> titles() {
    return posts == null ? List.of() : posts;
  }
}
