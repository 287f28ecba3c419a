package dev.sluice.migrations.pull;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A table class and its row record, in the schema-in-code style: a column per {@code public final}
 * field, the column's own modifiers where the code's conventions name the constraint as the
 * database does ({@code unique()} for {@code <table>_<column>_key}, {@code references(...)} for
 * {@code <table>_<column>_fkey}), and table-level fields for the rest (a composite primary key,
 * indexes, every check by its name). What schema code cannot declare is written as near as it can
 * be and reported.
 */
final class TableSource {
  private final String pkg;
  private final SchemaSnapshot schema;
  private final SchemaNaming naming;
  private final List<String> warnings;
  private final java.util.Set<String> unchecked = new java.util.HashSet<>();

  TableSource(String pkg, SchemaSnapshot schema, SchemaNaming naming, List<String> warnings) {
    this.pkg = pkg;
    this.schema = schema;
    this.naming = naming;
    this.warnings = warnings;
  }

  List<JavaSource> of(TableSnapshot t) {
    SchemaNaming.TableNames names = naming.table(t.name());
    List<String> notes = new ArrayList<>();
    TreeSet<String> imports = new TreeSet<>(List.of("dev.sluice.schema.Column", "dev.sluice.schema.Table"));
    Map<String, ColumnSource> sources = new HashMap<>();
    for (ColumnSnapshot c : t.columns()) {
      sources.put(c.name(), ColumnSource.of(c, enumType(c)));
    }
    Map<String, String> unique = new HashMap<>();
    List<String> tableLevel = new ArrayList<>();
    for (UniqueSnapshot u : t.uniques()) {
      if (u.columns().size() == 1 && u.name().equals(t.name() + "_" + u.columns().get(0) + "_key")) {
        unique.put(u.columns().get(0), u.name());
      } else {
        imports.add("dev.sluice.schema.Index");
        tableLevel.add("  public final Index " + names.scope().take(JavaNames.member(u.name())) + " = uniqueIndex("
            + fields(names, u.columns()) + ").named(" + JavaText.string(u.name()) + ");");
        notes.add("unique constraint " + u.name() + " " + u.columns() + " is declared as a unique index (schema code names"
            + " only single-column unique constraints)");
      }
    }
    Map<String, String> references = new HashMap<>();
    for (ForeignKeySnapshot f : t.foreignKeys()) {
      String reference = reference(t, f, sources, notes);
      if (reference != null) {
        if (reference.contains("ReferentialAction.")) {
          imports.add("dev.sluice.schema.ReferentialAction");
        }
        references.put(f.columns().get(0), reference);
      }
    }

    StringBuilder body = new StringBuilder();
    boolean singleKey = t.primaryKey().size() == 1;
    for (ColumnSnapshot c : t.columns()) {
      ColumnSource s = sources.get(c.name());
      imports.addAll(s.imports());
      StringBuilder decl = new StringBuilder(s.factory());
      if (c.generated() != null) {
        // the database's own spelling of the expression, as SQL: computed by the database, never written
        decl.append(c.generated().stored() ? ".generatedAlways(" : ".generatedAlwaysVirtual(")
            .append(JavaText.string(c.generated().expression())).append(')');
      }
      boolean key = singleKey && t.primaryKey().get(0).equals(c.name());
      if (key) {
        decl.append(".primaryKey()");
      } else if (!c.nullable()) {
        decl.append(".notNull()");
      }
      if (unique.containsKey(c.name())) {
        decl.append(".unique()");
      }
      if (c.defaultValue() != null) {
        decl.append(defaultOf(t, c, s, notes, imports));
      }
      if (c.identity() && c.type().kind() != SqlKind.INTEGER && c.type().kind() != SqlKind.BIGINT) {
        notes.add("column " + c.name() + " is an identity of type " + c.type() + ": declared as a plain " + c.type());
      }
      if (references.containsKey(c.name())) {
        decl.append(references.get(c.name()));
      }
      if (unchecked.contains(c.name())) {
        body.append("  @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n");
      }
      body.append("  public final Column<").append(s.javaType()).append("> ").append(names.fields().get(c.name()))
          .append(" = ").append(decl).append(";\n");
    }
    if (t.primaryKey().size() > 1) {
      imports.add("dev.sluice.schema.PrimaryKey");
      body.append("  public final PrimaryKey ").append(names.scope().take("pk")).append(" = primaryKey(")
          .append(fields(names, t.primaryKey())).append(");\n");
    }
    for (IndexSnapshot i : t.indexes()) {
      imports.add("dev.sluice.schema.Index");
      String defaultName = t.name() + "_" + String.join("_", i.columns()) + "_index";
      body.append("  public final Index ").append(names.scope().take(JavaNames.member(i.name()))).append(" = ")
          .append(i.unique() ? "uniqueIndex(" : "index(").append(fields(names, i.columns())).append(')')
          .append(i.name().equals(defaultName) ? "" : ".named(" + JavaText.string(i.name()) + ")")
          .append(i.where() == null ? "" : ".where(" + JavaText.string(i.where()) + ")").append(";\n");
    }
    tableLevel.forEach(l -> body.append(l).append('\n'));
    for (CheckSnapshot ch : t.checks()) {
      imports.add("dev.sluice.schema.Check");
      body.append("  public final Check ").append(names.scope().take(JavaNames.member(ch.name()))).append(" = check(")
          .append(JavaText.string(ch.name())).append(", ").append(JavaText.string(ch.sql())).append(");\n");
    }
    notes.forEach(n -> warnings.add("table " + t.name() + ": " + n));

    StringBuilder b = new StringBuilder("package ").append(pkg).append(";\n\n");
    imports.forEach(i -> b.append("import ").append(i).append(";\n"));
    b.append("\n/**\n * Table {@code ").append(JavaText.comment(t.name())).append("}, pulled from the database; rows are {@link ")
        .append(names.record()).append("}.\n");
    for (String n : notes) {
      b.append(" *\n * <p>Note: ").append(JavaText.comment(n)).append('\n');
    }
    b.append(" */\npublic final class ").append(names.type()).append(" extends Table<").append(names.record()).append("> {\n")
        .append(body).append("\n  public ").append(names.type()).append("() {\n    super(").append(JavaText.string(t.name()))
        .append(");\n  }\n}\n");

    StringBuilder r = new StringBuilder("package ").append(pkg).append(";\n\n");
    TreeSet<String> recordImports = new TreeSet<>();
    t.columns().forEach(c -> sources.get(c.name()).imports().stream().filter(i -> !i.startsWith("dev.sluice.")).forEach(recordImports::add));
    recordImports.forEach(i -> r.append("import ").append(i).append(";\n"));
    if (!recordImports.isEmpty()) {
      r.append('\n');
    }
    r.append("/** A row of table {@code ").append(JavaText.comment(t.name())).append("} ({@link ").append(names.type())
        .append("}). */\npublic record ").append(names.record()).append('(');
    for (int i = 0; i < t.columns().size(); i++) {
      ColumnSnapshot c = t.columns().get(i);
      r.append(i > 0 ? ", " : "").append(sources.get(c.name()).javaType()).append(' ').append(names.fields().get(c.name()));
    }
    r.append(") { }\n");
    return List.of(new JavaSource(pkg + "." + names.type(), b.toString()), new JavaSource(pkg + "." + names.record(), r.toString()));
  }

  private String[] enumType(ColumnSnapshot c) {
    if (c.type().kind() != SqlKind.ENUM) {
      return null;
    }
    SchemaNaming.EnumNames e = naming.enumType(c.type().name());
    if (e == null) {
      throw new IllegalStateException("Column " + c.name() + " has enum type " + c.type().name() + ", which the schema lacks");
    }
    return new String[] {e.type(), naming.holder() + "." + e.constant()};
  }

  private String defaultOf(TableSnapshot t, ColumnSnapshot c, ColumnSource s, List<String> notes, TreeSet<String> imports) {
    String[] constant = null;
    if (c.type().kind() == SqlKind.ENUM) {
      SchemaNaming.EnumNames e = naming.enumType(c.type().name());
      int at = schema.enumType(c.type().name()).orElseThrow().values().indexOf(c.defaultValue().value());
      constant = at < 0 ? null : new String[] {e.type() + "." + e.constants().get(at)};
    }
    String modifier = ColumnSource.defaultModifier(c, s, constant);
    if (modifier != null) {
      return modifier;
    }
    ColumnDefault d = c.defaultValue();
    String sql = d.kind() == ColumnDefault.Kind.STRING ? "'" + d.value().replace("'", "''") + "'" : d.value();
    notes.add("the default of column " + c.name() + " (" + d + ") is not a " + s.javaType() + " value: written as SQL");
    return ".defaultSql(" + JavaText.string(sql) + ")";
  }

  /** The {@code references(...)} modifier of a foreign key schema code can declare, or null (reported). */
  private String reference(TableSnapshot t, ForeignKeySnapshot f, Map<String, ColumnSource> sources, List<String> notes) {
    SchemaNaming.TableNames target = naming.table(f.referencedTable());
    if (f.columns().size() != 1 || target == null || !target.fields().containsKey(f.referencedColumns().get(0))) {
      notes.add("foreign key " + f.name() + " " + f.columns() + " -> " + f.referencedTable() + f.referencedColumns()
          + " is left out: schema code declares single-column foreign keys to pulled tables only");
      return null;
    }
    String column = f.columns().get(0);
    TableSnapshot referenced = schema.table(f.referencedTable()).orElseThrow();
    ColumnSnapshot to = referenced.column(f.referencedColumns().get(0)).orElseThrow();
    String targetJava = ColumnSource.of(to, enumType(to)).javaType();
    boolean cast = !targetJava.equals(sources.get(column).javaType());
    if (cast) {
      // SQLite's rowid key is an INTEGER (Integer) that a BIGINT (Long) column may reference: the database holds both as integers
      notes.add("foreign key " + f.name() + " joins " + t.name() + "." + column + " (" + sources.get(column).javaType() + ") to "
          + f.referencedTable() + "." + to.name() + " (" + targetJava + "): its target is cast");
      unchecked.add(column);
    }
    if (!f.name().equals(t.name() + "_" + column + "_fkey")) {
      notes.add("foreign key " + f.name() + " is declared by references(...), which names it " + t.name() + "_" + column + "_fkey");
    }
    String target0 = "() -> " + (cast ? "(Column) " : "") + naming.holder() + "." + target.constant() + "." + target.fields().get(to.name());
    if (f.onDelete() == ReferentialAction.NO_ACTION && f.onUpdate() == ReferentialAction.NO_ACTION) {
      return ".references(" + target0 + ")";
    }
    return ".references(" + target0 + ", ReferentialAction." + f.onDelete().name() + ", ReferentialAction." + f.onUpdate().name() + ")";
  }

  private static String fields(SchemaNaming.TableNames names, List<String> columns) {
    return String.join(", ", columns.stream().map(c -> names.fields().get(c)).toList());
  }
}
