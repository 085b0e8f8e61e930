package dev.seq4j.serve;

/** The client closed its connection while its request waited; nobody is left to answer. */
final class ClientGone extends RuntimeException {
  ClientGone() {
    super("the client went away", null, false, false);
  }
}
