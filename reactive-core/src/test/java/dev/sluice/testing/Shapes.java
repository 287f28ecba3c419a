package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/**
 * A self-referencing table (categories) and the shapes of common and derived tables the advanced
 * query tests fill with queries.
 */
public final class Shapes {
  private Shapes() {}

  public record Category(Integer id, Integer parentId, String name) {}

  public record Total(Integer countryId, Long cities) {}

  public record TreeNode(Integer id, Integer parentId, String name, Integer depth) {}

  public static final class Categories extends Table<Category> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> parentId = integer("parent_id").references(() -> CATEGORIES.id,
        dev.sluice.schema.ReferentialAction.CASCADE, dev.sluice.schema.ReferentialAction.NO_ACTION);
    public final Column<String> name = varchar("name", 100).notNull();

    public Categories() { super("categories"); }
  }

  /** Cities per country: filled by a GROUP BY. */
  public static final class Totals extends Table<Total> {
    public final Column<Integer> countryId = integer("country_id");
    public final Column<Long> cities = bigint("cities");

    public Totals() { super("totals"); }
  }

  /** A walk down the category tree: filled by a recursive query. */
  public static final class Tree extends Table<TreeNode> {
    public final Column<Integer> id = integer("id");
    public final Column<Integer> parentId = integer("parent_id");
    public final Column<String> name = varchar("name", 100);
    public final Column<Integer> depth = integer("depth");

    public Tree() { super("tree"); }
  }

  public static final Categories CATEGORIES = new Categories();
  public static final Totals TOTALS = new Totals();
  public static final Tree TREE = new Tree();
}
