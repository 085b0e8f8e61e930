package dev.seq4j.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Writes GNU .mo files for tests: entries are (raw msgid, raw msgstr) with \0 and \u0004 inside.
 */
final class MoWriter {
  private MoWriter() {}

  static byte[] write(List<String[]> entries, ByteOrder order, Charset charset) {
    int n = entries.size();
    int originals = 28;
    int translations = originals + 8 * n;
    int strings = translations + 8 * n;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteBuffer head = ByteBuffer.allocate(strings).order(order);
    head.putInt(0x950412de)
        .putInt(0)
        .putInt(n)
        .putInt(originals)
        .putInt(translations)
        .putInt(0)
        .putInt(0);
    int[][] pos = new int[2 * n][2];
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n; i++) {
        byte[] b = entries.get(i)[k].getBytes(charset);
        pos[k * n + i][0] = b.length;
        pos[k * n + i][1] = strings + data.size();
        data.write(b, 0, b.length);
        data.write(0);
      }
    }
    for (int[] p : pos) {
      head.putInt(p[0]).putInt(p[1]);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(head.array(), 0, strings);
    byte[] d = data.toByteArray();
    all.write(d, 0, d.length);
    return all.toByteArray();
  }
}
