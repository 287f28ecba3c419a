package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One {@code afterFetch} hook is applied as soon as the record is there, a value it already holds
 * ({@code Mono.just}) read at once; a hook that emits nothing or returns null still fails naming it,
 * and an asynchronous one is waited for.
 */
class TableHooksTest {
  public record Tag(Integer id, String name) {}

  public static final class Tags extends Table<Tag> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> name = text("name");
    final AtomicInteger calls = new AtomicInteger();
    public final Hook<Tag> upper;

    Tags(java.util.function.Function<Tag, Mono<Tag>> hook) {
      super("tags");
      upper = afterFetch(t -> {
        calls.incrementAndGet();
        return hook.apply(t);
      });
    }
  }

  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void aHookWithAValueAtHandGivesItAtOnce() {
    Tags tags = new Tags(t -> Mono.just(new Tag(t.id(), t.name().toUpperCase())));
    Mono<Tag> m = tags.meta().hooks().afterFetch(new Tag(1, "a"));
    assertThat(m.block(T)).isEqualTo(new Tag(1, "A"));
    assertThat(tags.calls).hasValue(1);
  }

  @Test
  void anAsynchronousHookIsWaitedFor() {
    Tags tags = new Tags(t -> Mono.fromCallable(() -> new Tag(t.id(), "async")).subscribeOn(Schedulers.parallel()));
    assertThat(tags.meta().hooks().afterFetch(new Tag(1, "a")).block(T)).isEqualTo(new Tag(1, "async"));
  }

  @Test
  void aHookThatEmitsNothingOrReturnsNullOrThrowsFailsTheRead() {
    assertThatThrownBy(() -> new Tags(t -> Mono.empty()).meta().hooks().afterFetch(new Tag(1, "a")).block(T))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tags.upper").hasMessageContaining("nothing");
    assertThatThrownBy(() -> new Tags(t -> Mono.<Tag>empty().delayElement(Duration.ofMillis(1))).meta().hooks()
        .afterFetch(new Tag(1, "a")).block(T))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing");
    assertThatThrownBy(() -> new Tags(t -> null).meta().hooks().afterFetch(new Tag(1, "a")).block(T))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null");
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    assertThatThrownBy(() -> new Tags(t -> { throw boom; }).meta().hooks().afterFetch(new Tag(1, "a")).block(T))
        .isSameAs(boom);
    assertThatThrownBy(() -> new Tags(t -> Mono.error(boom)).meta().hooks().afterFetch(new Tag(1, "a")).block(T))
        .isSameAs(boom);
  }
}
