package dev.seq4j.cli;

public final class Main {
  public static void main(String[] args) {}
}
