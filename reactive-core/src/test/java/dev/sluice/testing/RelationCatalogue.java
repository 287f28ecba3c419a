package dev.sluice.testing;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;

import dev.sluice.Database;
import dev.sluice.internal.RelationQueries;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The relation section of the golden SQL: parents filtered by related rows (correlated
 * {@code EXISTS}), and the statements the relation loader runs per window of parents (a partial
 * select of related rows, aggregates grouped by key), for the keys 1 and 2.
 */
public final class RelationCatalogue {
  private RelationCatalogue() {}

  /** Named renderings of the relation statements in {@code dialect}. */
  public static Map<String, RenderedSql> render(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    List<Integer> keys = List.of(1, 2);
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("whereHas", d -> d.selectFrom(USERS).whereHas(USERS.posts).toSql(dialect));
    q.put("whereHasMatching", d -> d.selectFrom(USERS).where(isNotNull(USERS.email))
        .whereHas(USERS.posts, like(POSTS.title, "draft%")).toSql(dialect));
    q.put("whereDoesntHave", d -> d.selectFrom(USERS).whereDoesntHave(USERS.posts).toSql(dialect));
    q.put("whereDoesntHaveFiltered", d -> d.selectFrom(USERS)
        .whereDoesntHave(USERS.posts.where(like(POSTS.title, "%/2")), eq(POSTS.title, "x")).toSql(dialect));
    q.put("whereHasBelongsTo", d -> d.selectFrom(POSTS).whereHas(POSTS.author, eq(USERS.fullName, "Dan"))
        .toSql(dialect));
    q.put("whereHasManyToMany", d -> d.selectFrom(USERS).whereHas(USERS.groups, eq(CHAT_GROUPS.name, "cooks"))
        .toSql(dialect));
    q.put("orHas", d -> d.selectFrom(USERS).where(or(has(USERS.posts), isNotNull(USERS.phone))).toSql(dialect));
    q.put("relatedPartial", d -> dialect.render(RelationQueries.related(CITIES.country, List.of(COUNTRIES.name), keys)));
    q.put("relatedOrdered", d -> dialect.render(RelationQueries.related(USERS.posts.orderBy(desc(POSTS.id)),
        POSTS.columns(), keys)));
    q.put("relatedManyToMany", d -> dialect.render(RelationQueries.related(USERS.groups,
        List.of(CHAT_GROUPS.name), keys)));
    q.put("totals", d -> dialect.render(RelationQueries.totals(USERS.posts,
        List.of(count().expr(), max(POSTS.id).expr(), sum(POSTS.id).expr()), keys)));
    q.put("totalsFiltered", d -> dialect.render(RelationQueries.totals(
        USERS.posts.where(like(POSTS.title, "draft%")), List.of(count().expr()), keys)));
    q.put("totalsManyToMany", d -> dialect.render(RelationQueries.totals(USERS.groups,
        List.of(count().expr()), keys)));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }
}
