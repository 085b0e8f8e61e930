package dev.seq4j.serve;

import dev.seq4j.serve.Responses.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One HTTP/1.1 connection, after Netty's codec: it gathers a request's body under the size cap (413
 * as soon as the declared or received length is over it, nothing more is kept), hands the whole
 * request to the server, and writes the answer when it is ready, off the event loop's back.
 *
 * <p>Each phase has a deadline on the connection, not an idle timer, so a client that trickles a
 * byte every few seconds is closed too: the request line and headers must arrive within {@code
 * headerTimeout} of the connection opening or of the request's first byte, the body within {@code
 * bodyTimeout} of the headers, and a kept-alive connection must start its next request within
 * {@code idleTimeout}. While a request is being answered no read deadline runs (the request timeout
 * does). Requests pipelined behind one in progress wait their turn. The connection closing (the
 * client left) is seen by the {@link Call}'s close listener.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
  private enum Phase {
    HEADERS,
    BODY,
    BUSY,
    IDLE,
    DISCARD
  }

  private final Function<Call, CompletableFuture<Reply>> server;
  private final ServeOptions options;
  private final Metrics metrics;
  private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
  private Phase phase;
  private ScheduledFuture<?> deadline;
  private HttpRequest request;
  private ByteArrayOutputStream body;
  private ChannelFuture lastWrite;

  HttpConnection(
      Function<Call, CompletableFuture<Reply>> server, ServeOptions options, Metrics metrics) {
    this.server = server;
    this.options = options;
    this.metrics = metrics;
  }

  /** A handler for before the codec: the first raw byte of a request starts its header deadline. */
  ChannelInboundHandlerAdapter firstByteWatch() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
          arm(ctx, Phase.HEADERS, options.headerTimeoutMillis());
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx, Phase.HEADERS, options.headerTimeoutMillis());
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelDeadline();
    pipelined.forEach(ReferenceCountUtil::release);
    pipelined.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset connection, mostly: nobody is left to tell
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (phase == Phase.BUSY) {
      pipelined.add(msg); // answered in order once the request in progress is
      return;
    }
    try {
      read(ctx, msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void read(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest r) {
      request = r;
      body = new ByteArrayOutputStream();
      arm(ctx, Phase.BODY, options.bodyTimeoutMillis());
      if (r.decoderResult().isFailure()) {
        Throwable why = r.decoderResult().cause();
        refuse(
            ctx,
            why instanceof TooLongFrameException ? 431 : 400,
            "malformed request: " + why.getMessage());
        lastWrite.addListener(ChannelFutureListener.CLOSE); // the codec reads no further
        return;
      }
      long declared = HttpUtil.getContentLength(r, -1L);
      if (declared > options.maxBodyBytes()) {
        refuse(
            ctx,
            413,
            "request body of " + declared + " bytes is over the cap of " + options.maxBodyBytes());
        return;
      }
      if (HttpUtil.is100ContinueExpected(r)) {
        ctx.writeAndFlush(
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
    }
    if (msg instanceof HttpContent c) {
      if (phase == Phase.DISCARD) {
        if (c instanceof LastHttpContent) {
          lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
        return;
      }
      if (phase != Phase.BODY) {
        return; // content without a request: the codec reported the failure already
      }
      ByteBuf chunk = c.content();
      if (body.size() + (long) chunk.readableBytes() > options.maxBodyBytes()) {
        refuse(ctx, 413, "request body is over the cap of " + options.maxBodyBytes() + " bytes");
        return;
      }
      body.writeBytes(ByteBufUtil.getBytes(chunk));
      if (c instanceof LastHttpContent) {
        dispatch(ctx);
      }
    }
  }

  /** Answers {@code status} at once and drops the rest of the request, then closes. */
  private void refuse(ChannelHandlerContext ctx, int status, String message) {
    body = null;
    phase = Phase.DISCARD; // the body deadline still runs
    lastWrite =
        ctx.writeAndFlush(
            response(Reply.of(new ApiException(status, message, null)), false, false));
  }

  private void dispatch(ChannelHandlerContext ctx) {
    cancelDeadline();
    phase = Phase.BUSY;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    String path = new QueryStringDecoder(request.uri()).path();
    Call call =
        new Call(
            request.method().name().toUpperCase(Locale.ROOT),
            path,
            request.headers(),
            body.toByteArray(),
            ctx.channel(),
            System.nanoTime());
    body = null;
    server
        .apply(call)
        .whenComplete(
            (reply, err) -> ctx.executor().execute(() -> answer(ctx, reply, keepAlive, head)));
  }

  private void answer(ChannelHandlerContext ctx, Reply reply, boolean keepAlive, boolean head) {
    if (reply == null || !ctx.channel().isActive()) {
      ctx.close(); // the client left: nothing to send
      return;
    }
    ChannelFuture f = ctx.writeAndFlush(response(reply, keepAlive, head));
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    arm(ctx, Phase.IDLE, options.idleTimeoutMillis());
    while (phase != Phase.BUSY && !pipelined.isEmpty()) {
      Object next = pipelined.poll();
      try {
        read(ctx, next);
      } finally {
        ReferenceCountUtil.release(next);
      }
    }
  }

  private static FullHttpResponse response(Reply reply, boolean keepAlive, boolean head) {
    ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body());
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()), content);
    HttpHeaders h = r.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
    h.set("X-Content-Type-Options", "nosniff");
    reply.headers().forEach(h::set);
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
    HttpUtil.setKeepAlive(r, keepAlive);
    return r;
  }

  /** Enters {@code next}; the connection is closed unless it moves on within {@code millis}. */
  private void arm(ChannelHandlerContext ctx, Phase next, long millis) {
    cancelDeadline();
    phase = next;
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  metrics.connectionTimedOut(next.name().toLowerCase(Locale.ROOT));
                  ctx.close();
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
