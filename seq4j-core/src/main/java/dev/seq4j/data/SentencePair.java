package dev.seq4j.data;

/** A source sentence, its translation, and the 1-based line (or entry) it came from. */
public record SentencePair(String src, String trg, long line) {}
