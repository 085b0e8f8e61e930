/**
 * Generated tasks that prove a model can learn: written dates to ISO dates (the quickstart) and
 * sequence reversal. Each task is deterministic for a seed and writes ordinary parallel text files.
 */
package dev.seq4j.data.synthetic;
