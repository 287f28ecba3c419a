package dev.sluice.migrations.pull;

import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a schema snapshot as Java sources in one package: a table class and a row record per
 * table, a Java enum per enum type, and a holder class whose {@code public static final} fields
 * hold the enum types and the tables, so that the package can be given to {@code --schema}
 * ({@link dev.sluice.migrations.snapshot.PackageScanner}).
 *
 * <pre>{@code
 * public final class Tables {
 *   public static final EnumType<Mood> MOOD = EnumType.of("mood", Mood.class, Mood::label);
 *   public static final Teams TEAMS = new Teams();
 * }
 * }</pre>
 */
final class JavaSchemaWriter {
  /** The generated sources, and what schema code could not declare exactly. */
  record Result(List<JavaSource> sources, List<String> warnings) { }

  private JavaSchemaWriter() { }

  static Result write(SchemaSnapshot schema, String pkg, String holder) {
    SchemaNaming naming = new SchemaNaming(schema, holder);
    List<JavaSource> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (EnumSnapshot e : schema.enums()) {
      out.add(EnumSource.of(pkg, e, naming.enumType(e.name())));
    }
    TableSource tables = new TableSource(pkg, schema, naming, warnings);
    for (TableSnapshot t : schema.tables()) {
      out.addAll(tables.of(t));
    }
    for (dev.sluice.migrations.snapshot.ViewSnapshot v : schema.views()) {
      warnings.add("view " + v.name() + ": not written as code (a database prints a view's query its own way);"
          + " declare it as a View<R> with its query, see the TODO in " + naming.holder());
    }
    out.add(holder(schema, pkg, naming));
    return new Result(List.copyOf(out), List.copyOf(warnings));
  }

  private static JavaSource holder(SchemaSnapshot schema, String pkg, SchemaNaming naming) {
    StringBuilder b = new StringBuilder("package ").append(pkg).append(";\n\n");
    if (!schema.enums().isEmpty()) {
      b.append("import dev.sluice.schema.EnumType;\n\n");
    }
    b.append("/** The schema pulled from the database: its enum types and tables. Pass this package to {@code --schema}. */\n");
    b.append("public final class ").append(naming.holder()).append(" {\n");
    for (EnumSnapshot e : schema.enums()) {
      SchemaNaming.EnumNames n = naming.enumType(e.name());
      b.append("  public static final EnumType<").append(n.type()).append("> ").append(n.constant()).append(" = EnumType.of(")
          .append(JavaText.string(e.name())).append(", ").append(n.type()).append(".class, ").append(n.type()).append("::label);\n");
    }
    for (TableSnapshot t : schema.tables()) {
      SchemaNaming.TableNames n = naming.table(t.name());
      b.append("  public static final ").append(n.type()).append(' ').append(n.constant()).append(" = new ").append(n.type())
          .append("();\n");
    }
    for (dev.sluice.migrations.snapshot.ViewSnapshot v : schema.views()) {
      b.append("\n  // TODO ").append(v.materialized() ? "materialized view " : "view ").append(v.name()).append(" (")
          .append(String.join(", ", v.columns())).append("): declare it as a View<R> whose definition() is its query;\n")
          .append("  // pull does not write it, since the database keeps the query in its own spelling\n");
    }
    b.append("\n  private ").append(naming.holder()).append("() { }\n}\n");
    return new JavaSource(pkg + "." + naming.holder(), b.toString());
  }
}
