package dev.sluice.examples.quickstart;

/** How well known a city is; stored as a SQL enum type where the database has one. */
public enum Popularity { UNKNOWN, KNOWN, POPULAR }
