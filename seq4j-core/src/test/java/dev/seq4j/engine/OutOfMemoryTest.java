package dev.seq4j.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import org.junit.jupiter.api.Test;

/** The messages memory exhaustion arrives with, as measured (bench/faults.sh, fault 7). */
class OutOfMemoryTest {
  /** What libtorch's CPU allocator said to a beam of 10^7 in a server capped at 6 GB. */
  static final String LIBTORCH =
      "[enforce fail at alloc_cpu.cpp:119] err == 0. DefaultCPUAllocator: can't allocate memory:"
          + " you tried to allocate 1920000000 bytes. Error code 12 (Cannot allocate memory)";

  @Test
  void recognisesTheAllocatorsAndTheJvmsWordsAlsoAsACause() {
    assertTrue(OutOfMemory.is(new EngineException(LIBTORCH)));
    assertTrue(OutOfMemory.is(new OutOfMemoryError("Java heap space")));
    assertTrue(OutOfMemory.is(new RuntimeException("batch failed", new EngineException(LIBTORCH))));
    assertTrue(OutOfMemory.is(new EngineException("CUDA out of memory. Tried to allocate 2 GiB")));
  }

  @Test
  void otherFailuresAreNotMemory() {
    assertFalse(
        OutOfMemory.is(new EngineException("shape '[2, 3]' is invalid for input of size 5")));
    assertFalse(OutOfMemory.is(new IllegalStateException((String) null)));
  }
}
