package dev.sluice.query;

/** Sort direction. */
public enum Order { ASC, DESC }
