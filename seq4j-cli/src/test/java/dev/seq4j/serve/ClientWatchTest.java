package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientWatchTest {
  @TempDir Path dir;

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n";

  @Test
  void parsesTheKernelsAddressesInMachineOrder() throws Exception {
    Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    InetSocketAddress v4 = ClientWatch.address("0100007F:1F90");
    assertEquals("127.0.0.1", v4.getAddress().getHostAddress());
    assertEquals(8080, v4.getPort());
    InetSocketAddress v6 = ClientWatch.address("00000000000000000000000001000000:0050");
    assertEquals("0:0:0:0:0:0:0:1", v6.getAddress().getHostAddress());
    assertEquals(80, v6.getPort());
    InetSocketAddress mapped = ClientWatch.address("0000000000000000FFFF00000100007F:C350");
    assertEquals("127.0.0.1", mapped.getAddress().getHostAddress());
    assertEquals(50000, mapped.getPort());
  }

  @Test
  void aClosedOrResetConnectionIsGoneAnOpenOneIsNot() throws Exception {
    Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    Path tcp = dir.resolve("tcp");
    Path tcp6 = dir.resolve("tcp6");
    Files.writeString(
        tcp,
        HEADER
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0\n"
            + "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000 0\n"
            + "   2: 0100007F:1F90 0100007F:C351 08 00000000:00000000 00:00000000 00000000 0\n");
    Files.writeString(
        tcp6,
        HEADER
            + "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C352"
            + " 01 00000000:00000000 00:00000000 00000000 0\n");
    ClientWatch watch = new ClientWatch(List.of(tcp, tcp6), 0);
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", 8080);
    assertFalse(watch.gone(server, new InetSocketAddress("127.0.0.1", 50000)), "established");
    assertTrue(watch.gone(server, new InetSocketAddress("127.0.0.1", 50001)), "CLOSE_WAIT");
    assertTrue(watch.gone(server, new InetSocketAddress("127.0.0.1", 50003)), "reset: not listed");
    assertFalse(watch.gone(server, new InetSocketAddress("127.0.0.1", 50002)), "IPv4 over tcp6");
  }

  @Test
  void withoutASocketTableNoClientIsEverGone() {
    ClientWatch watch = new ClientWatch(List.of(dir.resolve("missing")), 0);
    InetSocketAddress a = new InetSocketAddress("127.0.0.1", 8080);
    assertFalse(watch.gone(a, new InetSocketAddress("127.0.0.1", 50000)));
  }
}
