/**
 * The HTTP server of {@code seq4j serve}, in its own module so the network stack (Netty 4.2) stays
 * out of the library. {@link dev.seq4j.serve.TranslationServer} holds the lifecycle (loading,
 * ready, draining) and routes each path; the endpoints are {@code TranslateApi} ({@code POST
 * /v1/translate} and the translator's {@code GET /v1/model}) and {@code NamesApi} ({@code
 * /v1/classify}, {@code /v1/generate}, on their own worker thread). {@code Request} and {@code
 * JsonBody} validate bodies (duplicate keys and lone surrogates are 400), {@code RequestBodies}
 * checks the content type and strict UTF-8, {@code Responses} builds answers; every refusal is an
 * {@code ApiException} with a status and the field to blame. {@code BatchingQueue} groups waiting
 * texts into dynamic batches on its own thread, stops a batch nobody waits for, and retries a
 * failed batch one request at a time; {@code Metrics} renders {@code /metrics}, {@code WebPage} is
 * the page at {@code /}.
 *
 * <p>The connection layer is the only code that sees Netty ({@code ServeLayersTest}): {@code
 * Listener} binds the port, runs the event loops and caps open connections; {@code HttpConnection}
 * enforces the header, body and idle deadlines and the body cap while reading, hands each whole
 * request to the server as a {@code Call}, and writes the answer when its future completes. A
 * connection that closes cancels its request's job through the {@code Call}'s close listener.
 *
 * <p>A new endpoint: a class beside {@code TranslateApi} that answers a {@code Call} with a future
 * {@code Reply} (never blocking the event loop: slow work goes to a worker thread), a {@code case}
 * in {@code TranslationServer.route}, its path in {@code KNOWN_PATHS} (the metric labels), and a
 * test in {@code TranslationServerTest} or {@code NamesServerTest}; docs/SERVING.md describes the
 * API.
 */
package dev.seq4j.serve;
