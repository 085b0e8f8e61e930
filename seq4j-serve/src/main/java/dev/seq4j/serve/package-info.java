/**
 * The HTTP server of {@code seq4j serve}. {@link dev.seq4j.serve.TranslationServer} holds the
 * lifecycle (loading, ready, draining) and routes each path; the endpoints are {@code TranslateApi}
 * ({@code POST /v1/translate} and the translator's {@code GET /v1/model}) and {@code NamesApi}
 * ({@code /v1/classify}, {@code /v1/generate}). {@code Request} and {@code JsonBody} validate
 * bodies, {@code RequestBodies} reads them (size cap, UTF-8), {@code Responses} writes answers;
 * every refusal is an {@code ApiException} with a status and the field to blame. {@code
 * BatchingQueue} groups waiting texts into dynamic batches, {@code ClientWatch} notices clients
 * that left, {@code Metrics} renders {@code /metrics}, {@code WebPage} is the page at {@code /}.
 *
 * <p>A new endpoint: a class beside {@code TranslateApi} that answers from a request body, a {@code
 * case} in {@code TranslationServer.route}, its path in {@code KNOWN_PATHS} (the metric labels),
 * and a test in {@code TranslationServerTest} or {@code NamesServerTest}; docs/SERVING.md describes
 * the API.
 */
package dev.seq4j.serve;
