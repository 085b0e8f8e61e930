/**
 * Engine start-up (offline mode, native threads, device selection, the runtime report) and the few
 * tensor helpers every layer needs ({@link dev.seq4j.engine.Masks}). Ground floor beside {@code
 * io}: imports nothing of seq4j.
 */
package dev.seq4j.engine;
