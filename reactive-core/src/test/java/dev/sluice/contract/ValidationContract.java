package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Hooked.NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.ValidationException;
import dev.sluice.observe.Finish;
import dev.sluice.schema.Table;
import dev.sluice.testing.Hooked.Note;
import dev.sluice.validation.BeanValidation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Bean Validation on a live database: a row breaking the constraints of its record fails the write
 * with a {@link ValidationException} listing every violation, and no statement is sent (for a
 * stream of rows, the chunks already sent are rolled back).
 */
public abstract class ValidationContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private final AtomicInteger sent = new AtomicInteger();
  private Database validated;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {NOTES}; }

  @BeforeEach
  void validatingDatabase() {
    sent.set(0);
    validated = builder().validator(BeanValidation.create()).observer(e -> {
      sent.incrementAndGet();
      return Finish.NOTHING;
    }).build();
  }

  private long rows() {
    return db.selectFrom(NOTES).count().block(T);
  }

  @Test
  void anInvalidRecordFailsListingEveryViolationAndSendsNothing() {
    Note bad = new Note(null, " ", null, "much-too-long-editor", false);
    assertThatThrownBy(() -> validated.insertInto(NOTES).values(bad).execute().block(T))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.table()).isEqualTo("hooked_notes");
          assertThat(e.violations()).extracting(ValidationException.Violation::property,
              ValidationException.Violation::constraint).containsExactly(
                  org.assertj.core.groups.Tuple.tuple("editor", "Size"),
                  org.assertj.core.groups.Tuple.tuple("title", "NotBlank"));
          assertThat(e.getMessage()).startsWith("2 constraint violations on a row of hooked_notes: editor: ")
              .doesNotContain("much-too-long-editor");
        });
    assertThat(sent.get()).isZero();
    assertThat(rows()).isZero();
  }

  @Test
  void validRowsAreWritten() {
    assertThat(validated.insertInto(NOTES).values(Note.of("fine", false)).returning().block(T).slug())
        .as("validated after the beforeInsert hook").isEqualTo("fine");
    assertThat(validated.update(NOTES).set(NOTES.title, "also fine").all().execute().block(T)).isEqualTo(1L);
    assertThat(rows()).isEqualTo(1L);
  }

  @Test
  void updatesAndPartialInsertsCheckTheValuesTheyBind() {
    Note n = db.insertInto(NOTES).values(Note.of("a", false)).returning().block(T);
    sent.set(0);
    assertThatThrownBy(() -> validated.update(NOTES).set(NOTES.title, "").all().execute().block(T))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(ValidationException.Violation::property).containsExactly("title"));
    assertThatThrownBy(() -> validated.update(NOTES).byKey(n.withTitle("x".repeat(41))).execute().block(T))
        .isInstanceOf(ValidationException.class).hasMessageContaining("title: size must be between 0 and 40");
    assertThatThrownBy(() -> validated.insertInto(NOTES).set(NOTES.title, "").execute().block(T))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> validated.insertInto(NOTES)
            .rows(List.of(dev.sluice.query.Values.of(NOTES).set(NOTES.title, "ok"),
                dev.sluice.query.Values.of(NOTES).set(NOTES.title, " ")))
            .execute().block(T))
        .isInstanceOf(ValidationException.class);
    assertThat(sent.get()).isZero();
    assertThat(db.selectFrom(NOTES).withoutHooks().fetch().collectList().block(T)).containsExactly(n);
  }

  @Test
  void anInvalidRowInAStreamRollsBackTheRowsBeforeIt() {
    Flux<Note> many = Flux.range(0, 900).map(i -> Note.of(i == 850 ? "" : "n" + i, false));
    assertThatThrownBy(() -> validated.insertInto(NOTES).values(many).execute().block(T))
        .isInstanceOf(ValidationException.class);
    assertThat(rows()).isZero();
  }
}
