package dev.seq4j.serve;

import dev.seq4j.serve.Responses.Reply;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The listening socket and its event loops (Netty, NIO): one thread accepts, {@code
 * options.threads()} read, parse and write. A connection over {@code options.maxConnections()} is
 * closed as soon as it is accepted; each other one gets its own {@link HttpConnection}.
 */
final class Listener implements AutoCloseable {
  private final EventLoopGroup acceptor;
  private final EventLoopGroup loops;
  private final Channel channel;

  private Listener(EventLoopGroup acceptor, EventLoopGroup loops, Channel channel) {
    this.acceptor = acceptor;
    this.loops = loops;
    this.channel = channel;
  }

  /**
   * Listens on {@code options.host():options.port()}.
   *
   * @throws IOException naming the address when it cannot be bound
   */
  static Listener bind(
      ServeOptions options, Metrics metrics, Function<Call, CompletableFuture<Reply>> server)
      throws IOException {
    EventLoopGroup acceptor =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("seq4j-accept", true), NioIoHandler.newFactory());
    EventLoopGroup loops =
        new MultiThreadIoEventLoopGroup(
            options.threads(),
            new DefaultThreadFactory("seq4j-http", true),
            NioIoHandler.newFactory());
    AtomicInteger open = new AtomicInteger();
    ServerBootstrap b =
        new ServerBootstrap()
            .group(acceptor, loops)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (open.incrementAndGet() > options.maxConnections()) {
                      open.decrementAndGet();
                      metrics.connectionRefused();
                      ch.close();
                      return;
                    }
                    ch.closeFuture().addListener(f -> open.decrementAndGet());
                    HttpConnection c = new HttpConnection(server, options, metrics);
                    ch.pipeline().addLast(c.firstByteWatch(), new HttpServerCodec(), c);
                  }
                });
    try {
      Channel channel = b.bind(options.host(), options.port()).sync().channel();
      return new Listener(acceptor, loops, channel);
    } catch (Exception e) {
      acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      String why =
          e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
              ? "the address is already in use (another server on that port? choose another"
                  + " --port)"
              : String.valueOf(e.getMessage());
      throw new IOException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + why, e);
    }
  }

  int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
