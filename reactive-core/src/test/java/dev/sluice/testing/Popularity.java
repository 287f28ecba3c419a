package dev.sluice.testing;

public enum Popularity { UNKNOWN, KNOWN, POPULAR }
