/** Engine start-up: offline mode, native threads, device selection and the runtime report. */
package dev.seq4j.engine;
