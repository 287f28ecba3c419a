package dev.sluice.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** The records the tests describe. */
final class Records {
  private Records() { }

  /** A declaration annotation for fields and accessors only, as Jakarta Validation's {@code @NotNull} is. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD})
  @interface NotNull { }

  /** Written by Jackson as {@code "first-kind"} and {@code "SECOND"}. */
  enum Kind { @JsonProperty("first-kind") FIRST, SECOND }

  @Description("A page of accounts")
  record AccountPage(
      @Description("The accounts on this page") List<Shop.Account> accounts,
      int total,
      Optional<String> next,
      Set<Tag> tags,
      Map<String, Integer> counts,
      @NonNull String cursor,
      @NotNull Author author,
      Author editor,
      List<@Nullable String> notes,
      String[] labels,
      byte[] blob,
      long[] ids,
      Kind kind,
      Object extra) { }

  record Tag(@NonNull String name) { }

  record Author(String name, Instant joined, Duration tenure, URI site, char initial, BigInteger karma, byte level,
      OffsetTime alarm, ZonedDateTime zoned, boolean active, double score) { }

  /** Components are never null here unless they say so. */
  @NullMarked
  static final class Marked {
    private Marked() { }

    record Strict(String name, @Nullable String nick, List<String> tags, Optional<Integer> age) { }
  }

  /** Descriptions YAML would read as numbers, booleans, nulls, lists, maps or comments if they were not quoted. */
  record Tricky(@Description("1.0") int a, @Description("yes") int b, @Description("null") int c,
      @Description("~") int d, @Description("- dash") int e, @Description("key: value") int f,
      @Description("#hash") int g, @Description("0x1F") int h, @Description("1e3") int i, @Description("") int j,
      @Description("two\nlines") int k, @Description("  leading and trailing  ") int l, @Description("off") int m,
      @Description("2024-01-01") int n, @Description("\"quoted\" 'single'") int o, @Description("*alias") int p,
      @Description("&anchor") int q, @Description("!tag") int r, @Description("@at") int s, @Description("%p") int t,
      @Description("{x}") int u, @Description("[y]") int v, @Description("a|b>c") int w, @Description(".inf") int x) { }

  record Broken(String name, Thread worker) { }

  record Box<T>(T value) { }

  record Holder(Box<String> box) { }

  /** Another record called Money. */
  static final class Other {
    private Other() { }

    record Money(String currency) { }
  }

  record Wallet(Shop.Money balance, Other.Money foreign) { }
}
