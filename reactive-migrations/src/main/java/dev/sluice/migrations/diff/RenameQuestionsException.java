package dev.sluice.migrations.diff;

import dev.sluice.migrations.MigrationException;
import java.util.List;
import java.util.stream.Collectors;

/** The diff met drop-and-create pairs nobody answered; {@link #questions()} lists them all. */
public final class RenameQuestionsException extends MigrationException {
  private final transient List<RenameQuestion> questions;

  public RenameQuestionsException(List<RenameQuestion> questions) {
    super("Open rename questions (answer them, or run interactively):\n"
        + questions.stream().map(q -> "  - " + q).collect(Collectors.joining("\n")));
    this.questions = List.copyOf(questions);
  }

  /** The unanswered questions, in the order the diff met them. */
  public List<RenameQuestion> questions() { return questions; }
}
