package dev.apojwt.samplespring.api;

/** A note. */
public record Note(long id, String owner, String text) {}
