package dev.sluice.examples.service;

/** The page size a request may ask for. */
final class Sizes {
  static final int MAX = 500;

  private Sizes() {}

  static int checked(int size) {
    if (size < 1 || size > MAX) {
      throw new InvalidInput("size", "must be between 1 and " + MAX + ", was " + size);
    }
    return size;
  }

  static int page(int page) {
    if (page < 0) {
      throw new InvalidInput("page", "counts from 0, was " + page);
    }
    return page;
  }
}
