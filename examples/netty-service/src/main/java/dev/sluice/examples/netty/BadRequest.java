package dev.sluice.examples.netty;

/** A request that cannot be served as sent; answered with 400 naming the part that was wrong. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String part, String problem) {
    super(part + " " + problem);
  }
}
