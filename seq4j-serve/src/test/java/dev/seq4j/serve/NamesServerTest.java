package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.engine.Engines;
import dev.seq4j.names.Classify;
import dev.seq4j.names.NameSampler;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.names.NamesConfig;
import dev.seq4j.names.NamesExperiment;
import dev.seq4j.train.TrainingRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A names classifier and a conditioned generator behind the server. */
class NamesServerTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Path train(String task, String model) throws Exception {
    Path names = Files.createDirectories(dir.resolve("names"));
    Files.write(names.resolve("Ov.txt"), List.of("Ivanov", "Petrov", "Sidorov", "Orlov", "Popov"));
    Files.write(names.resolve("Ez.txt"), List.of("Lopez", "Perez", "Gomez", "Diaz", "Ruiz"));
    Path config =
        Files.writeString(
            dir.resolve(task + ".yaml"),
            "task: "
                + task
                + "\ndata: {folder: \""
                + names
                + "\", trainShare: 0.6, validShare: 0.2}\nmodel: "
                + model
                + "\ntrain: {epochs: 2, batchSize: 4, learningRate: 0.01}\n");
    Path run = dir.resolve(task);
    Engines.start();
    NamesExperiment.run(
        ConfigLoader.load(config, List.of(), NamesConfig::read), TrainingRun.in(run));
    return run;
  }

  private static HttpResponse<String> post(String base, String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void classifyAndGenerate() throws Exception {
    Path cls = train("classify", "{hidden: 8, embedding: 4, mlpHidden: 0}");
    Path gen = train("generate", "{hidden: 8, embedding: 4, conditioned: true}");
    Engines.start();
    try (NamesBundle b = NamesBundle.load(cls);
        TranslationServer s = new TranslationServer(b, ServeOptions.defaults().withPort(0))) {
      s.start();
      String base = "http://127.0.0.1:" + s.port();
      JsonNode r =
          JSON.readTree(
              post(base, "/v1/classify", "{\"names\": [\"Volkov\", \"Sanchez\"], \"top\": 2}")
                  .body());
      List<List<Classify.Scored>> expected = Classify.top(b, List.of("Volkov", "Sanchez"), 2);
      for (int i = 0; i < 2; i++) {
        JsonNode top = r.at("/results/" + i + "/top");
        assertEquals(2, top.size());
        assertEquals(expected.get(i).get(0).label(), top.at("/0/label").asText());
        assertEquals(
            expected.get(i).get(0).probability(), top.at("/0/probability").asDouble(), 1e-6);
      }
      HttpResponse<String> bad = post(base, "/v1/classify", "{\"name\": \"Ivanov\", \"top\": 3}");
      assertEquals(422, bad.statusCode());
      assertEquals("top", JSON.readTree(bad.body()).get("field").asText());
      assertEquals(422, post(base, "/v1/classify", "{\"name\": \"  \"}").statusCode());
      assertEquals(404, post(base, "/v1/generate", "{}").statusCode());
      assertEquals(404, post(base, "/v1/translate", "{\"text\": \"a\"}").statusCode());
      JsonNode info =
          JSON.readTree(
              CLIENT
                  .send(
                      HttpRequest.newBuilder(URI.create(base + "/v1/model")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertEquals("classify", info.get("task").asText());
      assertEquals(2, info.get("labels").size());
    }
    try (NamesBundle b = NamesBundle.load(gen);
        TranslationServer s = new TranslationServer(b, ServeOptions.defaults().withPort(0))) {
      s.start();
      String base = "http://127.0.0.1:" + s.port();
      String label = b.labels().get(0);
      JsonNode r =
          JSON.readTree(
              post(
                      base,
                      "/v1/generate",
                      "{\"nationality\": \""
                          + label
                          + "\", \"count\": 5, \"seed\": 3, \"temperature\": 0.8}")
                  .body());
      assertEquals(
          NameSampler.sample(b, b.labelId(label), 5, 0.8, 3, 20),
          JSON.convertValue(r.get("names"), List.class));
      HttpResponse<String> missing = post(base, "/v1/generate", "{\"count\": 2}");
      assertEquals(422, missing.statusCode());
      assertEquals("nationality", JSON.readTree(missing.body()).get("field").asText());
      HttpResponse<String> hot =
          post(base, "/v1/generate", "{\"nationality\": \"" + label + "\", \"temperature\": -1}");
      assertEquals("temperature", JSON.readTree(hot.body()).get("field").asText());
      HttpResponse<String> unknown = post(base, "/v1/generate", "{\"nationality\": \"Martian\"}");
      assertTrue(JSON.readTree(unknown.body()).get("error").asText().contains(label));
    }
  }
}
