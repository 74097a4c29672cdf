package dev.flipgate.model.kserve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.tensor.InputPreparation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The Open Inference Protocol's (KServe v2) JSON for one batch: the request names the input
 * tensor ({@code FP32}, batch first) and asks for one output; the response's output is read back
 * as numbers with its shape. The example ids ride along as a request parameter, so a server's
 * logs can name them.
 */
final class V2Protocol {
  private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private static final ObjectMapper JSON = dev.flipgate.io.StrictJson.MAPPER;

  private V2Protocol() {}

  /**
   * {@code rows} are sent as the input tensor: {@code FP32} numbers, or for a text golden set a
   * {@code BYTES} tensor of the texts (as UTF-8 strings, the v2 protocol's JSON form of BYTES,
   * shape {@code [rows]} or {@code [rows, 1]} as declared). The ids of {@code examples} are named in a parameter.
   */
  static byte[] request(String requestId, String inputName, long[] exampleShape, InputPreparation preparation,
      String outputName, List<ModelInput> rows, List<ModelInput> examples) {
    List<ModelInput> batch = rows;
    boolean text = preparation.source().isText();
    int perExample = text ? 0 : preparation.source().size();
    FloatBuffer values = FloatBuffer.allocate(perExample * batch.size());
    if (!text) {
      batch.forEach(input -> preparation.write(input.tensor(), values));
    }
    var bytes = new ByteArrayOutputStream(text ? 256 * batch.size() : values.capacity() * 8 + 256);
    try (JsonGenerator json = JSON_FACTORY.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("id", requestId);
      json.writeObjectFieldStart("parameters");
      json.writeStringField("flipgate_example_ids", String.join(",", examples.stream().map(ModelInput::exampleId).toList()));
      json.writeEndObject();
      json.writeArrayFieldStart("inputs");
      json.writeStartObject();
      json.writeStringField("name", inputName);
      json.writeArrayFieldStart("shape");
      json.writeNumber(batch.size());
      for (int i = 1; i < exampleShape.length; i++) {
        json.writeNumber(exampleShape[i]);
      }
      json.writeEndArray();
      json.writeStringField("datatype", text ? "BYTES" : "FP32");
      json.writeArrayFieldStart("data");
      if (text) {
        for (ModelInput input : batch) {
          json.writeString(input.tensor().text());
        }
      }
      for (int i = 0; i < values.capacity(); i++) {
        float value = values.get(i);
        // Pixels and counts are whole numbers: written as integers they are shorter and much cheaper.
        if (value == (int) value && !(value == 0 && Float.floatToRawIntBits(value) != 0)) {
          json.writeNumber((int) value);
        } else {
          json.writeNumber(value);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("outputs");
      json.writeStartObject();
      json.writeStringField("name", outputName);
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * An output tensor as the server sent it, with what the response says it answers: the request
   * id it echoes and the model name and version that answered (each empty when not sent).
   */
  record Output(long[] shape, float[] data, java.util.Optional<String> requestId, java.util.Optional<String> modelName,
      java.util.Optional<String> modelVersion) {
    long rows() {
      return shape.length == 0 ? 1 : shape[0];
    }
  }

  /**
   * The named output of a response body.
   *
   * @throws MalformedResponse when the body is not JSON, lacks the output, or its data do not
   *     fill its shape
   */
  static Output output(byte[] body, String outputName) throws MalformedResponse {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedResponse("a JSON inference response", "unparseable JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.path("outputs").isArray()) {
      throw new MalformedResponse("a JSON object with an \"outputs\" array", excerpt(body));
    }
    for (JsonNode output : root.path("outputs")) {
      if (output.path("name").asText().equals(outputName)) {
        Output tensor = read(output);
        return new Output(tensor.shape(), tensor.data(), text(root, "id"), text(root, "model_name"),
            text(root, "model_version"));
      }
    }
    throw new MalformedResponse("an output named '" + outputName + "'", "outputs " + root.path("outputs").findValuesAsText("name"));
  }

  private static java.util.Optional<String> text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || value.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value.asText());
  }

  private static Output read(JsonNode output) throws MalformedResponse {
    JsonNode shapeNode = output.path("shape");
    JsonNode data = output.path("data");
    if (!shapeNode.isArray() || !data.isArray()) {
      throw new MalformedResponse("an output with \"shape\" and \"data\" arrays", output.toString().substring(0, Math.min(200, output.toString().length())));
    }
    long[] shape = new long[shapeNode.size()];
    long elements = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong();
      elements *= shape[i];
    }
    // Tensors come flat, or nested row by row (some servers nest); either way in row-major order.
    float[] values = new float[(int) Math.max(0, elements)];
    int[] filled = {0};
    if (!flatten(data, values, filled) || filled[0] != elements) {
      throw new MalformedResponse(elements + " numbers filling shape " + java.util.Arrays.toString(shape),
          filled[0] + " values, or values that are not numbers");
    }
    return new Output(shape, values, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
  }

  private static boolean flatten(JsonNode node, float[] into, int[] filled) {
    for (JsonNode element : node) {
      if (element.isArray()) {
        if (!flatten(element, into, filled)) {
          return false;
        }
      } else if (element.isNumber() || element.isBoolean()) {
        if (filled[0] >= into.length) {
          filled[0]++;
          return false;
        }
        into[filled[0]++] = element.isBoolean() ? (element.asBoolean() ? 1 : 0) : (float) element.asDouble();
      } else {
        return false;
      }
    }
    return true;
  }

  /** The server's own error text ({@code {"error": "..."}}), or the start of the body. */
  static String errorText(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && root.hasNonNull("error")) {
        return root.path("error").asText();
      }
    } catch (IOException e) {
      // not JSON: show the body itself
    }
    return excerpt(body);
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
    return body.length == 0 ? "an empty body" : "'" + text.replace('\n', ' ') + (body.length > 200 ? "…'" : "'");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** A response that is not the inference answer it should be: a server bug, not worth retrying. */
  static final class MalformedResponse extends Exception {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String found;

    MalformedResponse(String expected, String found) {
      super("expected " + expected + ", found " + found);
      this.expected = expected;
      this.found = found;
    }

    String expected() {
      return expected;
    }

    String found() {
      return found;
    }
  }
}
