package dev.sluice.mongo;

/** What an update, a replace or an upsert did: documents matched, modified, and whether one was inserted. */
public record UpdateReport(long matched, long modified, boolean upserted) {}
