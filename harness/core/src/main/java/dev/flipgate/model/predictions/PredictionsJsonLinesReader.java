package dev.flipgate.model.predictions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads JSON lines {@code {"id": "…", "prediction": "…", "scores": {"<class>": 0.9, …}}}.
 * {@code NaN} is accepted by the parser only so it can be refused with the example's id.
 */
final class PredictionsJsonLinesReader {
  private static final JsonMapper JSON = dev.flipgate.io.StrictJson.MAPPER;

  private PredictionsJsonLinesReader() {}

  static void read(BufferedReader reader, PredictionRows rows) throws IOException {
    long line = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node = parse(text, line, rows);
      String id = node.path("id").isValueNode() ? node.path("id").asText() : null;
      String label = node.path("prediction").isValueNode() ? node.path("prediction").asText() : null;
      rows.add(line, id, label, scores(node.get("scores"), line, id, rows));
    }
  }

  private static JsonNode parse(String text, long line, PredictionRows rows) {
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isObject()) {
        throw new IllegalArgumentException("not an object");
      }
      return node;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw rows.at(line).expected("one JSON object per line: {\"id\": …, \"prediction\": …, \"scores\": {…}}")
          .found(text.length() > 80 ? text.substring(0, 80) + "…" : text).whatToDo("fix the line")
          .modelFailure("invalid JSON line");
    }
  }

  private static Optional<double[]> scores(JsonNode scores, long line, String id, PredictionRows rows) {
    if (scores == null || scores.isNull()) {
      return Optional.empty();
    }
    double[] values = new double[rows.classes().size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = scores.get(rows.classes().get(i));
      if (value == null || !value.isNumber()) {
        throw rows.at(line).example(String.valueOf(id)).expected("a numeric score for every class " + rows.classes())
            .found("scores " + scores).whatToDo("write a score for each class, or leave scores out")
            .modelFailure("incomplete scores");
      }
      values[i] = value.doubleValue();
    }
    if (scores.size() != values.length) {
      throw rows.at(line).example(String.valueOf(id)).expected("scores only for the classes " + rows.classes())
          .found("scores " + scores).whatToDo("remove the unknown classes").modelFailure("scores for unknown classes");
    }
    return Optional.of(values);
  }
}
