package dev.seq4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Slow clients against a running server (a slowloris): {@code sockets} connections, half of them
 * trickling a request one byte every {@code everyMillis}, half stalled after a few bytes of
 * headers. One thread drives them all and notes when the server closes each one.
 */
public final class SlowClients implements AutoCloseable {
  private static final byte[] REQUEST =
      ("POST /v1/translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
              + "Content-Length: 16\r\n\r\n{\"text\": \"a b\"}")
          .getBytes(StandardCharsets.US_ASCII);
  private static final int STALL_AFTER = 12; // "POST /v1/tra"

  /**
   * How often the sockets are polled: often enough to time a close to a quarter second, rarely
   * enough that 1,000 sockets cost the machine under test little (4,000 reads a second).
   */
  private static final long POLL_MILLIS = 250;

  /**
   * What happened to the slow sockets.
   *
   * @param closedByServer how many the server closed while they were slow
   * @param maxSecondsToClose the longest a closed one stayed open
   */
  public record Report(int sockets, int closedByServer, double maxSecondsToClose) {}

  private final List<Slow> slow = new ArrayList<>();
  private final long everyNanos;
  private final Thread driver;
  private volatile boolean running = true;

  private static final class Slow {
    final SocketChannel channel;
    final boolean stall;
    final long openedAt = System.nanoTime();
    int sent;
    long closedAt;

    Slow(SocketChannel channel, boolean stall) {
      this.channel = channel;
      this.stall = stall;
    }
  }

  private SlowClients(List<SocketChannel> channels, long everyMillis) {
    for (int i = 0; i < channels.size(); i++) {
      slow.add(new Slow(channels.get(i), i % 2 == 1));
    }
    this.everyNanos = everyMillis * 1_000_000L;
    this.driver = new Thread(this::drive, "slow-clients");
    driver.setDaemon(true);
    driver.start();
  }

  /** Opens {@code sockets} slow connections to {@code host:port}. */
  public static SlowClients open(String host, int port, int sockets, long everyMillis)
      throws IOException {
    List<SocketChannel> channels = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      SocketChannel c = SocketChannel.open(new InetSocketAddress(host, port));
      c.configureBlocking(false);
      channels.add(c);
    }
    return new SlowClients(channels, everyMillis);
  }

  private void drive() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    long nextByte = System.nanoTime();
    while (running) {
      boolean writeNow = System.nanoTime() >= nextByte;
      if (writeNow) {
        nextByte += everyNanos;
      }
      for (Slow s : slow) {
        if (s.closedAt != 0) {
          continue;
        }
        try {
          sink.clear();
          int n = s.channel.read(sink);
          if (n < 0) {
            s.closedAt = System.nanoTime();
            continue;
          }
          int limit = s.stall ? STALL_AFTER : REQUEST.length;
          if (writeNow && s.sent < limit) {
            s.channel.write(ByteBuffer.wrap(REQUEST, s.sent, 1));
            s.sent++;
          }
        } catch (IOException e) {
          s.closedAt = System.nanoTime(); // reset by the server
        }
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops trickling and reports; the sockets are then closed. */
  public Report stop() throws InterruptedException {
    running = false;
    driver.join();
    int closed = 0;
    double longest = 0;
    for (Slow s : slow) {
      if (s.closedAt != 0) {
        closed++;
        longest = Math.max(longest, (s.closedAt - s.openedAt) / 1e9);
      }
    }
    close();
    return new Report(slow.size(), closed, longest);
  }

  @Override
  public void close() {
    running = false;
    for (Slow s : slow) {
      try {
        s.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
