/**
 * Crash-safe files of a run: atomic files and checkpoint directories with a SHA-256 manifest,
 * metrics (CSV and JSON), and the lock that keeps two trainers out of one directory.
 */
package dev.seq4j.train.io;
