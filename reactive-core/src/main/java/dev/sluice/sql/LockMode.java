package dev.sluice.sql;

/** Row locks taken by a SELECT. */
public enum LockMode { NONE, FOR_UPDATE, FOR_SHARE, FOR_UPDATE_SKIP_LOCKED, FOR_UPDATE_NOWAIT }
