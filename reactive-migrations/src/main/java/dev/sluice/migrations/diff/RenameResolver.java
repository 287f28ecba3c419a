package dev.sluice.migrations.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@link RenameQuestion}s for {@link SchemaDiff}. An answer is the old name (a rename),
 * {@link Answer#NEW} (a drop plus a create), or {@link Answer#OPEN} (no answer: the diff then
 * fails with {@link RenameQuestionsException}, listing every open question at once).
 *
 * <pre>{@code
 * RenameResolver.flags(List.of("users.full_name:name", "people:users"))   // --rename flags
 * RenameResolver.refuse()                                                 // --non-interactive
 * }</pre>
 *
 * An interactive prompt (the CLI) implements this interface by asking.
 */
@FunctionalInterface
public interface RenameResolver {

  /** The answer to {@code question}. */
  Answer resolve(RenameQuestion question);

  /** An answer: renamed from {@link #from()}, new, or open. */
  record Answer(String from, boolean isNew) {
    /** The name is new: the candidates are dropped. */
    public static final Answer NEW = new Answer(null, true);
    /** Not answered. */
    public static final Answer OPEN = new Answer(null, false);

    /** Renamed from {@code oldName}. */
    public static Answer renamedFrom(String oldName) { return new Answer(oldName, false); }

    /** The old name, when this is a rename. */
    public Optional<String> renamedFrom() { return Optional.ofNullable(from); }
  }

  /** Answers nothing: every ambiguous pair is reported (non-interactive mode). */
  static RenameResolver refuse() {
    return q -> Answer.OPEN;
  }

  /** Takes every ambiguous name as new (drop plus create); the data-loss lint still applies. */
  static RenameResolver allNew() {
    return q -> Answer.NEW;
  }

  /**
   * Answers from flags: {@code table.old:new} renames a column of {@code table} (the table's new
   * name), {@code old:new} renames a table, {@code enum.type.old:new} renames a label of enum
   * {@code type}. Questions no flag answers stay open. A malformed flag is an
   * {@link IllegalArgumentException}.
   */
  static RenameResolver flags(List<String> flags) {
    Map<String, String> columns = new HashMap<>();
    Map<String, String> tables = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (String f : flags) {
      int colon = f.indexOf(':');
      if (colon <= 0 || colon == f.length() - 1 || f.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("A rename flag is table.old:new or old:new, was: " + f);
      }
      String left = f.substring(0, colon);
      String right = f.substring(colon + 1);
      int dot = left.indexOf('.');
      if (left.startsWith("enum.")) {
        int last = left.lastIndexOf('.');
        if (last <= 5) {
          throw new IllegalArgumentException("An enum label rename flag is enum.type.old:new, was: " + f);
        }
        labels.put(left.substring(5, last) + "." + right, left.substring(last + 1));
        continue;
      }
      if (dot < 0) {
        tables.put(right, left);
      } else {
        columns.put(left.substring(0, dot) + "." + right, left.substring(dot + 1));
      }
    }
    return q -> {
      String from = q.isEnumValue() ? labels.get(q.enumType() + "." + q.newName())
          : q.isColumn() ? columns.get(q.table() + "." + q.newName()) : tables.get(q.newName());
      if (from == null) {
        return Answer.OPEN;
      }
      if (!q.candidates().contains(from)) {
        throw new IllegalArgumentException("Rename flag for " + q.subject() + " names " + from
            + ", which is not one of " + q.candidates());
      }
      return Answer.renamedFrom(from);
    };
  }

  /** This resolver, and {@code fallback} for what it leaves open. */
  default RenameResolver orElse(RenameResolver fallback) {
    return q -> {
      Answer a = resolve(q);
      return a == Answer.OPEN ? fallback.resolve(q) : a;
    };
  }
}
