package dev.seq4j.probe;

import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.training.GradientCollector;
import dev.seq4j.data.synthetic.*;
import dev.seq4j.decode.*;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.*;
import java.util.*;

public class DateProbe {
  public static void main(String[] a) {
    int hidden = Integer.parseInt(a[0]);
    int batch = Integer.parseInt(a[1]);
    double lr = Double.parseDouble(a[2]);
    int seconds = Integer.parseInt(a[3]);
    boolean reverse = a.length > 4 && a[4].equals("rev");
    Engines.start();
    Engine.getInstance().setRandomSeed(1);
    DateTask task = new DateTask();
    Random r = new Random(1);
    Map<Character, Integer> v = new TreeMap<>(); // 0 pad 1 unk 2 bos 3 eos
    List<String[]> train = new ArrayList<>();
    for (int i = 0; i < 20000; i++) {
      var p = task.sample(r);
      train.add(new String[] {p.src(), p.trg()});
    }
    List<String[]> valid = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      var p = task.sample(r);
      valid.add(new String[] {p.src(), p.trg()});
    }
    for (var p : train)
      for (String s : p) for (char c : s.toCharArray()) v.putIfAbsent(c, 4 + v.size());
    int V = 4 + v.size();
    try (NDManager m = NDManager.newBaseManager()) {
      RnnSeq2Seq model =
          new RnnSeq2Seq(
              m,
              new RnnOptions(
                  CellType.LSTM,
                  64,
                  hidden,
                  1,
                  0,
                  false,
                  Bridge.Kind.LINEAR,
                  false,
                  reverse,
                  0,
                  V,
                  V));
      Map<String, NDArray> ps = model.parameters().asMap();
      Map<String, NDArray> m1 = new HashMap<>(), m2 = new HashMap<>();
      for (var e : ps.entrySet()) {
        m1.put(e.getKey(), e.getValue().zerosLike());
        m2.put(e.getKey(), e.getValue().zerosLike());
      }
      long start = System.nanoTime();
      int step = 0;
      while ((System.nanoTime() - start) / 1e9 < seconds) {
        Collections.shuffle(train, r);
        for (int off = 0;
            off + batch <= train.size() && (System.nanoTime() - start) / 1e9 < seconds;
            off += batch) {
          List<String[]> b = train.subList(off, off + batch);
          int S = b.stream().mapToInt(p -> p[0].length()).max().getAsInt();
          int T = 11;
          long[][] src = new long[batch][S];
          int[] lens = new int[batch];
          long[][] tin = new long[batch][T];
          long[][] tout = new long[batch][T];
          for (int i = 0; i < batch; i++) {
            String s = b.get(i)[0];
            lens[i] = s.length();
            for (int j = 0; j < s.length(); j++) src[i][j] = v.get(s.charAt(j));
            String t = b.get(i)[1];
            tin[i][0] = 2;
            for (int j = 0; j < 10; j++) {
              tin[i][j + 1] = v.get(t.charAt(j));
              tout[i][j] = v.get(t.charAt(j));
            }
            tout[i][10] = 3;
          }
          try (NDManager sm = m.newSubManager()) {
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray logits = model.logits(sm.create(src), lens, sm.create(tin), 1.0, r, true);
              NDArray lp = logits.logSoftmax(2);
              loss = lp.gather(sm.create(tout).expandDims(2), 2).neg().mean();
              gc.backward(loss);
            }
            step++;
            float b1 = 0.9f, b2 = 0.999f;
            for (var e : ps.entrySet()) {
              NDArray p = e.getValue();
              NDArray g = p.getGradient();
              m1.get(e.getKey()).muli(b1).addi(g.mul(1 - b1));
              m2.get(e.getKey()).muli(b2).addi(g.square().mul(1 - b2));
              double c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
              NDArray upd =
                  m1.get(e.getKey())
                      .div(c1)
                      .div(m2.get(e.getKey()).div(c2).sqrt().add(1e-8))
                      .mul(lr);
              p.subi(upd);
              upd.close();
              g.subi(g);
              g.close();
            }
            if (step % 100 == 0)
              System.out.printf(
                  "step %d loss %.4f t=%.1f%n",
                  step, loss.getFloat(), (System.nanoTime() - start) / 1e9);
          }
        }
      }
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(12));
      int ok = 0;
      for (int off = 0; off < valid.size(); off += 100) {
        List<String[]> b = valid.subList(off, off + 100);
        int S = b.stream().mapToInt(p -> p[0].length()).max().getAsInt();
        long[][] src = new long[100][S];
        int[] lens = new int[100];
        for (int i = 0; i < 100; i++) {
          String s = b.get(i)[0];
          lens[i] = s.length();
          for (int j = 0; j < s.length(); j++) src[i][j] = v.getOrDefault(s.charAt(j), 1);
        }
        int[][] out = greedy.decode(model, m, src, lens);
        Map<Integer, Character> inv = new HashMap<>();
        v.forEach((k, x) -> inv.put(x, k));
        for (int i = 0; i < 100; i++) {
          StringBuilder sb = new StringBuilder();
          for (int id : out[i]) sb.append(inv.getOrDefault(id, '?'));
          if (sb.toString().equals(b.get(i)[1])) ok++;
          else if (off == 0 && i < 5) System.out.println(b.get(i)[0] + " -> " + sb);
        }
      }
      System.out.printf(
          "steps %d exact %.3f time %.1f%n",
          step, ok / (double) valid.size(), (System.nanoTime() - start) / 1e9);
    }
  }
}
