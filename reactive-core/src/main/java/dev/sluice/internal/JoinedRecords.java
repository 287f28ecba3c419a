package dev.sluice.internal;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Table;
import dev.sluice.schema.TableHooks;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a joined row into one result record with a component per joined table:
 * {@code record CityRow(City city, Country country)} for {@code CITIES JOIN COUNTRIES}. A component
 * takes the next joined table whose row record is of its type (so a self-join's two sides fill two
 * components of one type in join order); the unmatched side of an outer join is null. Checked
 * before anything runs. Each table's {@code afterFetch} hooks run on its record ({@link #afterFetch}).
 */
public final class JoinedRecords {
  private JoinedRecords() {}

  /**
   * How one table's record per joined table, in join order, becomes a record of {@code type};
   * checked now, before anything runs.
   */
  public static <X> Function<Object[], X> into(List<Table<?>> tables, Class<X> type) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; a joined row maps to a record with one"
          + " component per table");
    }
    RecordComponent[] comps = type.getRecordComponents();
    int[] table = new int[comps.length];
    boolean[] used = new boolean[tables.size()];
    for (int i = 0; i < comps.length; i++) {
      table[i] = -1;
      for (int t = 0; t < tables.size() && table[i] < 0; t++) {
        if (!used[t] && tables.get(t).rowType() == comps[i].getType()) {
          table[i] = t;
          used[t] = true;
        }
      }
      if (table[i] < 0) {
        throw new MappingException("Record component " + type.getSimpleName() + "." + comps[i].getName()
            + " of type " + comps[i].getType().getSimpleName() + " is the row record of no joined table left"
            + " (joined: " + tables.stream().map(t -> t.qualifier() + " " + t.rowType().getSimpleName()).toList()
            + ")");
      }
    }
    MethodHandle constructor = Shape.constructorOf(type);
    return r -> {
      Object[] args = new Object[table.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = r[table[i]];
      }
      return type.cast(Shape.construct(constructor, type, args));
    };
  }

  /** Whether a table of {@code tables} has {@code afterFetch} hooks that {@link #afterFetch} runs. */
  public static boolean hooked(List<Table<?>> tables) {
    for (Table<?> t : tables) {
      TableHooks<?> h = t.meta().hooks();
      if (h != null && h.hasAfterFetch() && t.meta().rowMapping() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The joined records through each table's {@code afterFetch} hooks, in join order, one row after
   * the other ({@code concatMap}); the unmatched (null) side of an outer join runs none. Without a
   * hooked table, {@code records} itself.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Flux<Object[]> afterFetch(List<Table<?>> tables, Flux<Object[]> records) {
    TableHooks[] hooks = new TableHooks[tables.size()];
    boolean any = false;
    for (int i = 0; i < hooks.length; i++) {
      TableHooks<?> h = tables.get(i).meta().hooks();
      if (h != null && h.hasAfterFetch() && tables.get(i).meta().rowMapping() != null) {
        hooks[i] = h;
        any = true;
      }
    }
    if (!any) {
      return records;
    }
    return records.concatMap(r -> {
      Mono<Object[]> ready = Mono.just(r);
      for (int i = 0; i < hooks.length; i++) {
        TableHooks h = hooks[i];
        if (h != null && r[i] != null) {
          int at = i;
          ready = ready.flatMap(a -> ((Mono<Object>) h.afterFetch(a[at])).map(v -> {
            a[at] = v;
            return a;
          }));
        }
      }
      return ready;
    });
  }
}
