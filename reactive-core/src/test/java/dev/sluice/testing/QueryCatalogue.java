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

  /** Named renderings of the query-language catalogue (joins, aggregates, subqueries, raw SQL). */
  public static Map<String, RenderedSql> renderQueryLanguage(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("selectWithoutFrom", d -> d.select(add(sql(Integer.class, "40"), 2), upper(sql(String.class, "'a'")))
        .toSql(dialect));
    q.put("innerJoin", d -> d.selectFrom(CITIES).join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .where(eq(COUNTRIES.name, "Peru")).toSql(dialect));
    q.put("manyToMany", d -> d.selectFrom(MEMBERSHIPS)
        .leftJoin(USERS).on(eq(MEMBERSHIPS.userId, USERS.id))
        .leftJoin(CHAT_GROUPS).on(eq(MEMBERSHIPS.groupId, CHAT_GROUPS.id))
        .where(eq(CHAT_GROUPS.id, 1)).toSql(dialect));
    Cities twin = CITIES.as("twin");
    q.put("selfJoin", d -> d.selectFrom(CITIES).join(twin)
        .on(and(eq(CITIES.countryId, twin.countryId), lt(CITIES.id, twin.id))).toSql(dialect));
    q.put("groupBy", d -> d.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId)
        .having(gt(count(), 1L)).orderBy(CITIES.countryId).toSql(dialect));
    q.put("aggregates", d -> d.select(count(), countDistinct(CITIES.countryId), sum(CITIES.id),
        avg(CITIES.id), min(CITIES.name), max(CITIES.id)).from(CITIES).toSql(dialect));
    q.put("functions", d -> d.select(lower(CITIES.name), coalesce(CITIES.name, "?"), length(CITIES.name),
        add(CITIES.id, 1), concat(CITIES.name, "!")).from(CITIES).toSql(dialect));
    q.put("caseWhen", d -> d.select(CITIES.name, when(eq(CITIES.popularity, Popularity.POPULAR), 2, INT)
        .when(eq(CITIES.popularity, Popularity.KNOWN), 1).otherwise(0)).from(CITIES).toSql(dialect));
    q.put("exists", d -> d.selectFrom(COUNTRIES).where(exists(d.select(CITIES.id).from(CITIES)
        .where(eq(CITIES.countryId, COUNTRIES.id)))).toSql(dialect));
    q.put("inSubquery", d -> d.selectFrom(USERS).where(in(USERS.id, d.select(MEMBERSHIPS.userId)
        .from(MEMBERSHIPS).where(eq(MEMBERSHIPS.groupId, 1)))).toSql(dialect));
    q.put("scalarSubquery", d -> d.select(COUNTRIES.name, scalar(d.select(count()).from(CITIES)
        .where(eq(CITIES.countryId, COUNTRIES.id)))).from(COUNTRIES).toSql(dialect));
    q.put("raw", d -> d.selectFrom(CITIES).where(sql("{0} % 2 = {1}", CITIES.id, 0)).toSql(dialect));
    q.put("forUpdate", d -> d.selectFrom(CITIES).where(eq(CITIES.id, 1)).forUpdate().toSql(dialect));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }

  /** Named renderings of upserts, set operations and INSERT ... SELECT. */
  public static Map<String, RenderedSql> renderWrites(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    User u = new User(null, "Dan", null, "dan@x.io", NOW);
    q.put("upsertUpdate", d -> d.insertInto(USERS).values(u).onConflict(USERS.email)
        .doUpdate(USERS.fullName).toSql(dialect));
    q.put("upsertNothing", d -> d.insertInto(COUNTRIES).values(new Country(null, "Peru"))
        .onConflict(COUNTRIES.name).doNothing().toSql(dialect));
    q.put("union", d -> d.select(USERS.fullName).from(USERS).where(like(USERS.fullName, "A%"))
        .union(d.select(CHAT_GROUPS.name).from(CHAT_GROUPS)).orderBy(USERS.fullName, Order.ASC).limit(5)
        .toSql(dialect));
    q.put("insertSelect", d -> d.insertInto(COUNTRIES).fromSelect(d.select(USERS.fullName).from(USERS)
        .where(isNotNull(USERS.email)), COUNTRIES.name).toSql(dialect));
    Generated.Tickets tickets = Generated.TICKETS;
    q.put("insertDefaultRow", d -> d.insertInto(tickets).values(new Generated.Ticket(null)).toSql(dialect));
    q.put("insertDefaultRows", d -> dialect.render(defaultRows(tickets, 3, false)));
    // without RETURNING (MySQL, Oracle), the executor inserts row by row and reads the keys back
    q.put("insertDefaultRowsReturning", d -> dialect.render(
        defaultRows(tickets, dialect.capabilities().returning() ? 3 : 1, dialect.capabilities().returning())));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }

  /**
   * Named renderings of the model layer's writes: typed partial inserts (one row, many rows, upsert),
   * updates from a record, increments, the upsert of {@code save} and the count of {@code count()}.
   */
  public static Map<String, RenderedSql> renderModel(Dialect dialect) {
    Database db = Database.builder().dialect(dialect)
        .clock(java.time.Clock.fixed(NOW.toInstant(), ZoneOffset.UTC)).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    User dan = new User(7, "Dan", null, "dan@x.io", NOW);
    q.put("insertPartial", d -> d.insertInto(USERS).set(USERS.fullName, "Dan").set(USERS.phone, "555")
        .toSql(dialect));
    q.put("insertPartialRows", d -> d.insertInto(USERS).rows(java.util.List.of(
        dev.sluice.query.Values.of(USERS).set(USERS.fullName, "Dan").set(USERS.email, "dan@x.io"),
        dev.sluice.query.Values.of(USERS).set(USERS.email, "ann@x.io").set(USERS.fullName, "Ann")))
        .toSql(dialect));
    q.put("insertPartialUpsert", d -> d.insertInto(USERS).set(USERS.fullName, "Dan")
        .set(USERS.email, "dan@x.io").onConflict(USERS.email).doUpdateAll().toSql(dialect));
    q.put("updateSetRecord", d -> d.update(USERS).set(dan).where(eq(USERS.id, 7)).toSql(dialect));
    q.put("updateSetNonNull", d -> d.update(USERS).setNonNull(new User(7, null, "555", null, null))
        .where(eq(USERS.id, 7)).toSql(dialect));
    q.put("increment", d -> d.update(KITCHENS).increment(KITCHENS.medium, 1).decrement(KITCHENS.big, 2L)
        .where(eq(KITCHENS.id, 3L)).toSql(dialect));
    q.put("saveUpsert", d -> d.insertInto(USERS).values(dan).onConflict(USERS.id).doUpdateAll()
        .toSql(dialect));
    q.put("count", d -> dialect.render(new dev.sluice.sql.CountQuery(
        d.selectFrom(USERS).where(isNotNull(USERS.phone)).query())));
    Stamped.Notes notes = Stamped.NOTES;
    q.put("stampedInsert", d -> d.insertInto(notes).values(Stamped.Note.of("a", "x")).toSql(dialect));
    q.put("stampedPartialInsert", d -> d.insertInto(notes).set(notes.code, "a").toSql(dialect));
    q.put("stampedUpdate", d -> d.update(notes).set(notes.title, "y").where(eq(notes.id, 1)).toSql(dialect));
    SoftDeleted.Docs docs = SoftDeleted.DOCS;
    q.put("softSelect", d -> d.selectFrom(docs).where(eq(docs.title, "a")).toSql(dialect));
    q.put("softWithDeleted", d -> d.selectFrom(docs).where(eq(docs.title, "a")).withDeleted().toSql(dialect));
    q.put("softOnlyDeleted", d -> d.selectFrom(docs).onlyDeleted().toSql(dialect));
    q.put("softProjection", d -> d.select(docs.title).from(docs).toSql(dialect));
    q.put("softDelete", d -> d.deleteFrom(docs).where(eq(docs.id, 1)).toSql(dialect));
    q.put("softDeletePermanently", d -> d.deleteFrom(docs).permanently().where(eq(docs.id, 1)).toSql(dialect));
    q.put("softRestore", d -> d.update(docs).restore(eq(docs.id, 1)).toSql(dialect));
    Versioned.Accounts accounts = Versioned.ACCOUNTS;
    q.put("versionedInsert", d -> d.insertInto(accounts).values(Versioned.Account.of("ann", 5)).toSql(dialect));
    q.put("versionedByKey", d -> d.update(accounts).byKey(new Versioned.Account(7, "ann", 10, 3)).toSql(dialect));
    q.put("versionedUpdate", d -> d.update(accounts).set(accounts.balance, 0).all().toSql(dialect));
    q.put("stampedUpsert", d -> d.insertInto(notes).values(new Stamped.Note(1, "a", "x", null, null))
        .onConflict(notes.id).doUpdateAll().toSql(dialect));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }

  /** Named renderings of common tables (plain and recursive), derived tables and joined projections. */
  public static Map<String, RenderedSql> renderAdvanced(Dialect dialect) {
    Database db = Database.builder().dialect(dialect).build();
    Map<String, Function<Database, RenderedSql>> q = new LinkedHashMap<>();
    q.put("cte", d -> d.with(Shapes.TOTALS, d.select(CITIES.countryId, count()).from(CITIES)
            .groupBy(CITIES.countryId))
        .selectFrom(Shapes.TOTALS).where(gt(Shapes.TOTALS.cities, 1L)).toSql(dialect));
    q.put("cteJoin", d -> d.with(Shapes.TOTALS, d.select(CITIES.countryId, count()).from(CITIES)
            .groupBy(CITIES.countryId))
        .select(COUNTRIES.name, Shapes.TOTALS.cities).from(COUNTRIES)
        .join(Shapes.TOTALS).on(eq(COUNTRIES.id, Shapes.TOTALS.countryId)).toSql(dialect));
    Shapes.Categories c = Shapes.CATEGORIES;
    Shapes.Tree tree = Shapes.TREE;
    q.put("recursive", d -> d.withRecursive(tree,
            d.select(c.id, c.parentId, c.name, sql(Integer.class, "0")).from(c).where(eq(c.name, "root"))
                .unionAll(d.select(c.id, c.parentId, c.name, add(tree.depth, 1)).from(c)
                    .join(tree).on(eq(c.parentId, tree.id))))
        .selectFrom(tree).orderBy(tree.depth).toSql(dialect));
    q.put("derived", d -> {
      Shapes.Totals t = derived(Shapes.TOTALS, d.select(CITIES.countryId, count()).from(CITIES)
          .where(isNotNull(CITIES.countryId)).groupBy(CITIES.countryId));
      return d.selectFrom(COUNTRIES).join(t).on(eq(COUNTRIES.id, t.countryId))
          .where(gte(t.cities, 2L)).toSql(dialect);
    });
    q.put("projectionJoin", d -> d.select(CITIES.name, COUNTRIES.name).from(CITIES)
        .leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id)).where(eq(COUNTRIES.id, 7))
        .toSql(dialect));
    q.put("rawQuery", d -> d.sql("SELECT {0}, '{{}' AS braces FROM {1} WHERE {2} = {3}", CITIES.name, CITIES,
            CITIES.id, 7)
        .toSql(dialect));
    q.put("updateFrom", d -> d.update(CITIES).set(CITIES.name, concat(CITIES.name, COUNTRIES.name))
        .from(COUNTRIES).where(and(eq(CITIES.countryId, COUNTRIES.id), eq(COUNTRIES.name, "Peru")))
        .toSql(dialect));
    // the total of paginate() on a distinct or grouped query, and past the last page
    q.put("pageCount", d -> dialect.render(new dev.sluice.sql.CountQuery(d.with(Shapes.TOTALS,
            d.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
        .select(COUNTRIES.name, Shapes.TOTALS.cities).from(COUNTRIES)
        .join(Shapes.TOTALS).on(eq(COUNTRIES.id, Shapes.TOTALS.countryId)).distinct()
        .where(gt(Shapes.TOTALS.cities, 1L)).orderBy(COUNTRIES.name).limit(5).query())));
    Map<String, RenderedSql> out = new LinkedHashMap<>();
    q.forEach((name, f) -> out.put(name, f.apply(db)));
    return out;
  }

  /** The statement {@code values(list)} builds for {@code rows} records that name no column. */
  private static dev.sluice.sql.InsertQuery defaultRows(dev.sluice.schema.Table<?> table, int rows,
      boolean returning) {
    return new dev.sluice.sql.InsertQuery(table, List.of(), java.util.Collections.nCopies(rows, List.of()),
        returning ? table.columns() : List.of());
  }

  private static final dev.sluice.schema.DataType<Integer> INT =
      dev.sluice.schema.DataType.of(dev.sluice.schema.SqlKind.INTEGER, Integer.class);
}
