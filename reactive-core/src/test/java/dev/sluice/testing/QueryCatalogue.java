package dev.sluice.testing;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;

import dev.sluice.Database;
import dev.sluice.query.Order;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One shared catalogue of queries. Each dialect's golden test renders every entry and asserts its
 * exact SQL and binds, so a new dialect is proven against the same shapes.
 */
public final class QueryCatalogue {
  private QueryCatalogue() {}

  public static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  /** Named renderings of every catalogue query in {@code dialect}. */
  public static Map<String, RenderedSql> render(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("selectAll", d -> d.selectFrom(CITIES).toSql(dialect));
    q.put("selectById", d -> d.selectFrom(CITIES).where(eq(CITIES.id, 42)).toSql(dialect));
    q.put("andOr", d -> d.selectFrom(CITIES)
        .where(and(eq(CITIES.countryId, 1), or(eq(CITIES.name, "Dan"), isNull(CITIES.popularity))))
        .orderBy(CITIES.name, Order.ASC).limit(10).offset(20).toSql(dialect));
    q.put("comparisons", d -> d.selectFrom(CITIES)
        .where(and(ne(CITIES.id, 1), gt(CITIES.id, 2), gte(CITIES.id, 3), lt(CITIES.id, 4),
            lte(CITIES.id, 5))).toSql(dialect));
    q.put("betweenInLike", d -> d.selectFrom(CITIES)
        .where(or(between(CITIES.id, 1, 9), in(CITIES.id, 1, 2, 3), notIn(CITIES.countryId, 7),
            like(CITIES.name, "A%"), ilike(CITIES.name, "b%"), not(isNotNull(CITIES.name)))).toSql(dialect));
    q.put("enumFilter", d -> d.selectFrom(CITIES).where(eq(CITIES.popularity, Popularity.POPULAR)).toSql(dialect));
    q.put("emptyIn", d -> d.selectFrom(CITIES).where(in(CITIES.id, List.of())).toSql(dialect));
    q.put("projection", d -> d.select(CITIES.id, CITIES.name).from(CITIES).distinct()
        .orderBy(desc(CITIES.name).nullsLast(), asc(CITIES.id)).toSql(dialect));
    q.put("insertOne", d -> d.insertInto(USERS).values(new User(null, "Andrew", "555", "a@x", NOW)).toSql(dialect));
    q.put("insertDefaulted", d -> d.insertInto(COUNTRIES).values(new Country(null, "Peru")).toSql(dialect));
    q.put("update", d -> d.update(USERS).set(USERS.fullName, "Mr. Dan").setNull(USERS.phone)
        .where(eq(USERS.fullName, "Dan")).toSql(dialect));
    q.put("updateAll", d -> d.update(CITIES).set(CITIES.popularity, Popularity.KNOWN).all().toSql(dialect));
    q.put("delete", d -> d.deleteFrom(USERS).where(eq(USERS.fullName, "Dan")).toSql(dialect));
    q.put("deleteAll", d -> d.deleteFrom(MEMBERSHIPS).all().toSql(dialect));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }
}
