package dev.sluice.migrations.diff;

import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The ordered changes that take a schema from {@code from} to {@code to}, as {@link SchemaDiff}
 * computes them: parents created before their children, children dropped before their parents.
 *
 * @param from    the schema before
 * @param to      the schema after
 * @param changes the changes, in the order they run
 */
public record MigrationPlan(SchemaSnapshot from, SchemaSnapshot to, List<Change> changes) {
  public MigrationPlan {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    changes = List.copyOf(changes);
  }

  /** The plan that undoes this one: each change reversed, in reverse order. */
  public MigrationPlan reverse() {
    List<Change> back = new ArrayList<>(changes.size());
    for (Change c : changes) {
      back.add(c.reverse());
    }
    Collections.reverse(back);
    return new MigrationPlan(to, from, back);
  }

  /** True when there is nothing to do. */
  public boolean isEmpty() { return changes.isEmpty(); }
}
