package dev.sluice.openapi;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes a YAML key or string value when Jackson's own check says so, and also whenever a YAML
 * reader would take the plain text for something other than a string ({@code .inf}, {@code 1.0},
 * {@code off}, {@code ~}, a date): SnakeYAML's resolver, the one that reads it back, decides.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private final transient Resolver resolver = new Resolver();

  @Override public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || notPlainText(name);
  }

  @Override public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || notPlainText(value);
  }

  private boolean notPlainText(String s) {
    return !Tag.STR.equals(resolver.resolve(NodeId.scalar, s, true));
  }
}
