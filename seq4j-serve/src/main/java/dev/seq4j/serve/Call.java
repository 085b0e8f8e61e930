package dev.seq4j.serve;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.Executor;

/**
 * One request as the endpoints see it: its method ({@code HEAD} already answered as {@code GET}),
 * path, headers and whole body (already within the size cap), the connection it came on, and when
 * its body was complete ({@link System#nanoTime}).
 */
record Call(
    String method, String path, HttpHeaders headers, byte[] body, Channel channel, long received) {
  String header(String name) {
    return headers.get(name);
  }

  /** The connection's event loop, where its answer is written (for the endpoints' last stage). */
  Executor loop() {
    return channel.eventLoop();
  }

  /** Runs {@code onGone} once the connection closes (after the answer, it does nothing harmful). */
  void whenClosed(Runnable onGone) {
    channel.closeFuture().addListener(f -> onGone.run());
  }
}
