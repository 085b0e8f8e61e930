package dev.seq4j.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether the client of a waiting request has gone away. The JDK's HTTP server does not read
 * from a connection while its request is being handled, so it never notices a client that closes
 * early; the kernel does. On Linux this reads the socket table ({@code /proc/net/tcp} and {@code
 * tcp6}, at most once per {@code refreshMillis}, shared by every waiting request): a connection the
 * client closed is in state CLOSE_WAIT on our side, one it reset is gone from the table. Elsewhere
 * (no such files) no client ever counts as gone and requests wait for their result as before.
 *
 * <p>A client that half-closes its side after sending the request (rare for HTTP/1.1 clients) also
 * counts as gone.
 */
final class ClientWatch {
  /** State CLOSE_WAIT in {@code /proc/net/tcp}: the peer sent FIN, our side is still open. */
  private static final int CLOSE_WAIT = 0x08;

  private final List<Path> tables;
  private final long refreshNanos;
  private Map<String, Integer> snapshot; // "local|remote" → TCP state; null: no table
  private long takenAt;

  ClientWatch(List<Path> tables, long refreshMillis) {
    this.tables = tables;
    this.refreshNanos = refreshMillis * 1_000_000L;
  }

  /** The Linux socket tables, refreshed at most every 20 ms. */
  static ClientWatch linux() {
    return new ClientWatch(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")), 20);
  }

  /**
   * True when the connection between our {@code local} address and the client's {@code remote}
   * address has been closed or reset by the client.
   */
  synchronized boolean gone(InetSocketAddress local, InetSocketAddress remote) {
    long now = System.nanoTime();
    if (snapshot == null || now - takenAt >= refreshNanos) {
      snapshot = read();
      takenAt = now;
    }
    if (snapshot == null || local == null || remote == null) {
      return false;
    }
    Integer state = snapshot.get(key(local, remote));
    return state == null || state == CLOSE_WAIT;
  }

  private Map<String, Integer> read() {
    Map<String, Integer> states = new HashMap<>();
    boolean any = false;
    for (Path table : tables) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException e) {
        continue;
      }
      any = true;
      for (int i = 1; i < lines.size(); i++) { // line 0 is the header
        String[] f = lines.get(i).trim().split("\\s+");
        if (f.length < 4) {
          continue;
        }
        try {
          InetSocketAddress local = address(f[1]);
          InetSocketAddress remote = address(f[2]);
          states.put(key(local, remote), Integer.parseInt(f[3], 16));
        } catch (IllegalArgumentException | UnknownHostException e) {
          // a line we do not understand names no connection of ours
        }
      }
    }
    return any ? states : null;
  }

  /**
   * Parses {@code HEXADDR:HEXPORT} as the kernel prints it: the address as 32-bit words in the
   * machine's byte order, the port big-endian.
   */
  static InetSocketAddress address(String field) throws UnknownHostException {
    int colon = field.indexOf(':');
    if (colon < 0 || colon % 8 != 0) {
      throw new IllegalArgumentException("not an address: " + field);
    }
    String hex = field.substring(0, colon);
    byte[] bytes = new byte[hex.length() / 2];
    boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    for (int w = 0; w < bytes.length / 4; w++) {
      long word = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
      for (int b = 0; b < 4; b++) {
        int shift = little ? 8 * b : 8 * (3 - b);
        bytes[w * 4 + b] = (byte) (word >>> shift);
      }
    }
    int port = Integer.parseInt(field.substring(colon + 1), 16);
    return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
  }

  /** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) and plain IPv4 name the same connection. */
  private static String key(InetSocketAddress local, InetSocketAddress remote) {
    return host(local) + ":" + local.getPort() + "|" + host(remote) + ":" + remote.getPort();
  }

  private static String host(InetSocketAddress a) {
    byte[] b = a.getAddress().getAddress();
    if (b.length == 16 && isMappedV4(b)) {
      return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    return a.getAddress().getHostAddress();
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }
}
