package dev.sluice.migrations.pull;

import dev.sluice.migrations.snapshot.EnumSnapshot;

/** A Java enum for a SQL enum: one constant per label, each knowing its label, in label order. */
final class EnumSource {
  private EnumSource() { }

  static JavaSource of(String pkg, EnumSnapshot e, SchemaNaming.EnumNames names) {
    StringBuilder b = new StringBuilder("package ").append(pkg).append(";\n\n");
    b.append("/** The labels of enum type {@code ").append(JavaText.comment(e.name())).append("}, pulled from the database. */\n");
    b.append("public enum ").append(names.type()).append(" {\n");
    for (int i = 0; i < e.values().size(); i++) {
      b.append("  ").append(names.constants().get(i)).append('(').append(JavaText.string(e.values().get(i))).append(')')
          .append(i + 1 < e.values().size() ? ",\n" : ";\n");
    }
    if (e.values().isEmpty()) {
      b.append("  ;\n");
    }
    b.append("\n  private final String label;\n\n");
    b.append("  ").append(names.type()).append("(String label) {\n    this.label = label;\n  }\n\n");
    b.append("  /** The SQL label. */\n  public String label() {\n    return label;\n  }\n}\n");
    return new JavaSource(pkg + "." + names.type(), b.toString());
  }
}
