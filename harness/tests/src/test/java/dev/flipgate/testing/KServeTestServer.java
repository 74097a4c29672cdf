package dev.flipgate.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.flipgate.model.onnx.GuardedSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Open Inference Protocol (KServe v2) server on 127.0.0.1, serving real ONNX models with
 * ONNX Runtime — the same endpoints KServe, Triton and MLServer answer — with faults to inject:
 * each queued {@link Fault} spoils the next inference request. It counts the inference requests
 * and how often each example id was asked (the harness names them in a request parameter).
 */
public final class KServeTestServer implements AutoCloseable {
  /** What the next inference request gets instead of its answer. */
  public enum Fault {
    /** HTTP 500 with a JSON error. */
    SERVER_ERROR,
    /** HTTP 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** The answer, later than any sensible timeout ({@link #slowMillis}). */
    SLOW,
    /** Headers promising a body, half of it, then the connection closed. */
    RESET_MID_BODY,
    /** HTTP 200 with a body that is not JSON. */
    MALFORMED_JSON,
    /** HTTP 200 with one row fewer than the batch. */
    WRONG_SHAPE,
    /** HTTP 200 with one row more than the batch: a padding row, shifting nothing but still not asked for. */
    EXTRA_ROW,
    /** HTTP 200 with the first two rows swapped: every value plausible, two examples' answers exchanged. */
    REORDERED_ROWS,
    /** HTTP 200 with the response id of another request: an answer meant for someone else. */
    FOREIGN_ID,
    /** HTTP 200 without the response id the protocol requires a server to echo. */
    NO_ID,
    /** HTTP 200 whose output shape claims a width other than the model's. */
    WRONG_WIDTH,
    /** HTTP 400: a client error, which asking again cannot fix. */
    BAD_REQUEST
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without TCP_NODELAY the JDK server writes headers and body in two segments that Nagle's
    // algorithm holds back until the client's delayed ACK: ~40 ms a response on Linux, as real
    // servers (which all set it) never do.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final Map<String, GuardedSession> models = new ConcurrentHashMap<>();
  private final Queue<GuardedSession> retired = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();
  private volatile boolean metadataNamesVersion = true;
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final Map<String, Queue<Fault>> faultsByExample = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> askedOfModel = new ConcurrentHashMap<>();
  private final AtomicInteger inferRequests = new AtomicInteger();
  private final AtomicInteger mostRows = new AtomicInteger();
  private volatile boolean ready = true;
  private volatile long answerDelayMillis;
  private volatile long slowMillis = 3_000;
  private volatile String requiredAuthorization;
  private volatile float[] cannedRow;

  private KServeTestServer(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/v2/models/", this::handle);
    server.start();
  }

  public static KServeTestServer start() throws IOException {
    return new KServeTestServer(32);
  }

  /**
   * Serves {@code onnxFile} as model {@code name}. Serving another file under a name already
   * served swaps the model behind the same URL, as a redeployment does: the version the metadata
   * and answers report goes up by one, and the old session is freed once its runs in flight end.
   */
  public KServeTestServer serve(String name, Path onnxFile) throws OrtException {
    var options = new OrtSession.SessionOptions();
    // One thread per request, no spinning: many requests at once share the machine's few cores
    // instead of each spinning up a thread pool that fights the others.
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    GuardedSession replaced = models.put(name, GuardedSession.of(environment.createSession(onnxFile.toString(), options)));
    versions.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    if (replaced != null) {
      retired.add(replaced); // a handler may have taken it just before the swap: freed on close, after its runs
    }
    return this;
  }

  /**
   * Whether the metadata and the answers name the model's version (the default). A server that
   * does not lets a swapped model pass for the old one: only the cache's spot check can see it.
   */
  public KServeTestServer namingVersions(boolean named) {
    this.metadataNamesVersion = named;
    return this;
  }

  /** After {@code requests} more inference requests, serves {@code onnxFile} as {@code name}: a redeployment mid-run. */
  public KServeTestServer swapAfter(int requests, String name, Path onnxFile) {
    int due = inferRequests.get() + requests;
    pendingSwap = () -> {
      if (inferRequests.get() >= due) {
        pendingSwap = null;
        serve(name, onnxFile);
      }
    };
    return this;
  }

  @FunctionalInterface
  private interface Swap {
    void run() throws OrtException;
  }

  private volatile Swap pendingSwap;

  private String versionOf(String model) {
    return metadataNamesVersion ? String.valueOf(versions.get(model).get()) : "1";
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next inference requests, whichever examples they ask about, get these faults in turn. */
  public KServeTestServer inject(Fault... next) {
    faults.addAll(Arrays.asList(next));
    return this;
  }

  /** The next requests that ask about {@code exampleId} get these faults in turn: a batch that keeps failing. */
  public KServeTestServer injectOn(String exampleId, Fault... next) {
    faultsByExample.computeIfAbsent(exampleId, k -> new ConcurrentLinkedQueue<>()).addAll(Arrays.asList(next));
    return this;
  }

  public void setReady(boolean ready) {
    this.ready = ready;
  }

  /** Every answer takes this long in all (the model's own time included): a model that takes a fixed time. */
  public void setAnswerDelayMillis(long millis) {
    this.answerDelayMillis = millis;
  }

  /**
   * Answers every request with this row for each example, without running a model or reading
   * the input: a server that costs little, for watching the client (the throughput benchmark uses
   * bench/kserve-throughput/fixed_delay_server.c, which costs less still).
   */
  public void setCannedAnswer(float[] row) {
    this.cannedRow = row.clone();
  }

  public void setSlowMillis(long millis) {
    this.slowMillis = millis;
  }

  /** Requests without exactly this Authorization header get 401. */
  public void requireAuthorization(String value) {
    this.requiredAuthorization = value;
  }

  public int inferRequests() {
    return inferRequests.get();
  }

  /** The most rows any inference request carried: what a server's maximum batch size must allow. */
  public int mostRowsInARequest() {
    return mostRows.get();
  }

  /** How many inference requests asked about this example. */
  public int timesAsked(String exampleId) {
    AtomicInteger count = asked.get(exampleId);
    return count == null ? 0 : count.get();
  }

  /** How many inference requests asked this model about this example. */
  public int timesAsked(String model, String exampleId) {
    AtomicInteger count = askedOfModel.get(model + "/" + exampleId);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (cannedRow != null) {
      answerCanned(exchange);
      return;
    }
    try (exchange) {
      route(exchange);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try {
      String[] path = exchange.getRequestURI().getPath().substring("/v2/models/".length()).split("/");
      String model = path[0];
      String last = path[path.length - 1];
      if (requiredAuthorization != null && !requiredAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        respond(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      if (!models.containsKey(model)) {
        respond(exchange, 404, "{\"error\":\"model " + model + " not found\"}");
      } else if (last.equals("ready")) {
        respond(exchange, ready ? 200 : 503, ready ? "" : "{\"error\":\"model is loading\"}");
      } else if (last.equals("infer") && exchange.getRequestMethod().equals("POST")) {
        infer(exchange, model);
      } else {
        respond(exchange, 200, "{\"name\":\"" + model + "\",\"versions\":[\"" + versionOf(model)
            + "\"],\"platform\":\"onnxruntime_onnx\"}");
      }
    } catch (RuntimeException | OrtException e) {
      respond(exchange, 500, "{\"error\":\"" + e.toString().replace('"', '\'') + "\"}");
    }
  }

  private void infer(HttpExchange exchange, String model) throws IOException, OrtException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    Swap swap = pendingSwap;
    if (swap != null) {
      synchronized (this) {
        swap.run();
      }
    }
    inferRequests.incrementAndGet();
    mostRows.accumulateAndGet(request.path("inputs").path(0).path("shape").path(0).asInt(), Math::max);
    Fault fault = null;
    for (String id : request.path("parameters").path("flipgate_example_ids").asText("").split(",")) {
      if (!id.isEmpty()) {
        asked.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        askedOfModel.computeIfAbsent(model + "/" + id, k -> new AtomicInteger()).incrementAndGet();
        Queue<Fault> own = faultsByExample.get(id);
        fault = fault == null && own != null ? own.poll() : fault;
      }
    }
    fault = fault == null ? faults.poll() : fault;
    if (fault == Fault.SERVER_ERROR) {
      respond(exchange, 500, "{\"error\":\"injected server error\"}");
      return;
    }
    if (fault == Fault.TOO_MANY_REQUESTS) {
      exchange.getResponseHeaders().add("Retry-After", "1");
      respond(exchange, 429, "{\"error\":\"slow down\"}");
      return;
    }
    if (fault == Fault.BAD_REQUEST) {
      respond(exchange, 400, "{\"error\":\"injected bad request\"}");
      return;
    }
    if (fault == Fault.MALFORMED_JSON) {
      respond(exchange, 200, "{\"outputs\": [ this is not json");
      return;
    }
    long started = System.nanoTime();
    String answer = run(models.get(model), request, fault, model, versionOf(model));
    long spentMillis = (System.nanoTime() - started) / 1_000_000;
    sleep((fault == Fault.SLOW ? slowMillis : answerDelayMillis) - spentMillis);
    if (fault == Fault.RESET_MID_BODY) {
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      OutputStream body = exchange.getResponseBody();
      body.write(bytes, 0, bytes.length / 2);
      body.flush();
      return;
    }
    respond(exchange, 200, answer);
  }

  private void answerCanned(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    int rows = 1;
    String requestId = "";
    byte[] body = exchange.getRequestBody().readAllBytes();
    try (var parser = JSON.getFactory().createParser(body)) {
      for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && parser.currentName().equals("id")
            && parser.getParsingContext().getParent().inRoot()) {
          parser.nextToken();
          requestId = parser.getText();
        } else if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && parser.currentName().equals("shape")) {
          parser.nextToken();
          parser.nextToken();
          rows = parser.getIntValue();
          break;
        }
      }
    }
    inferRequests.incrementAndGet();
    var answer = new StringBuilder("{\"id\":\"").append(requestId)
        .append("\",\"outputs\":[{\"name\":\"out\",\"datatype\":\"FP32\",\"shape\":[")
        .append(rows).append(',').append(cannedRow.length).append("],\"data\":[");
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < cannedRow.length; i++) {
        answer.append(r + i == 0 ? "" : ",").append(cannedRow[i]);
      }
    }
    String response = answer.append("]}]}").toString();
    // Answered later from a timer, not by a thread that sleeps: the server's only cost is its delay.
    long delayNanos = Math.max(0, answerDelayMillis * 1_000_000 - (System.nanoTime() - started));
    timer.schedule(() -> {
      try (exchange) {
        respond(exchange, 200, response);
      } catch (IOException e) {
        // the client went away; nothing to answer
      }
    }, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Runs the ONNX model on the request's input, one row at a time when its batch is fixed at 1. */
  private static String run(GuardedSession session, JsonNode request, Fault fault, String model, String version) throws OrtException {
    JsonNode input = request.path("inputs").get(0);
    long[] shape = JSON.convertValue(input.path("shape"), long[].class);
    JsonNode data = input.path("data");
    if (input.path("datatype").asText().equals("BYTES")) {
      return runOnTexts(session, request, input, shape, model, version);
    }
    float[] values = new float[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) data.get(i).asDouble();
    }
    String inputName = input.path("name").asText();
    String outputName = request.path("outputs").get(0).path("name").asText();
    long[] modelShape = ((TensorInfo) session.inspect().getInputInfo().get(inputName).getInfo()).getShape();
    int rows = (int) shape[0];
    int perRow = values.length / rows;
    boolean oneAtATime = modelShape[0] == 1;
    var out = new java.util.ArrayList<float[]>();
    var env = OrtEnvironment.getEnvironment();
    for (int start = 0; start < rows; start += oneAtATime ? 1 : rows) {
      int count = oneAtATime ? 1 : rows;
      long[] runShape = shape.clone();
      runShape[0] = count;
      var buffer = FloatBuffer.wrap(values, start * perRow, count * perRow).slice();
      try (var tensor = OnnxTensor.createTensor(env, buffer, runShape)) {
        float[] all = session.run(Map.of(inputName, tensor), java.util.Set.of(outputName), result -> {
          FloatBuffer floats = ((OnnxTensor) result.get(outputName).orElseThrow()).getFloatBuffer();
          float[] copy = new float[floats.remaining()];
          floats.get(copy);
          return copy;
        });
        int width = all.length / count;
        for (int r = 0; r < count; r++) {
          out.add(Arrays.copyOfRange(all, r * width, (r + 1) * width));
        }
      }
    }
    int width = out.isEmpty() ? 0 : out.get(0).length;
    if (fault == Fault.WRONG_SHAPE) {
      out.remove(out.size() - 1);
    } else if (fault == Fault.EXTRA_ROW) {
      out.add(out.get(out.size() - 1));
    } else if (fault == Fault.REORDERED_ROWS && out.size() > 1) {
      java.util.Collections.swap(out, 0, 1);
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("model_name", model);
    response.put("model_version", version);
    if (fault != Fault.NO_ID) {
      response.put("id", fault == Fault.FOREIGN_ID ? request.path("id").asText() + "-other" : request.path("id").asText());
    }
    var output = response.putArray("outputs").addObject();
    output.put("name", outputName);
    if (fault == Fault.WRONG_WIDTH) {
      output.putArray("shape").add(out.size() * width / 2).add(2);
    } else {
      output.putArray("shape").add(out.size()).add(width);
    }
    output.put("datatype", "FP32");
    var flat = output.putArray("data");
    out.forEach(row -> {
      for (float v : row) {
        flat.add(v);
      }
    });
    return response.toString();
  }

  /** A BYTES input (the v2 JSON form: one string per element) run as an ONNX string tensor; the output as FP32 rows. */
  private static String runOnTexts(GuardedSession session, JsonNode request, JsonNode input, long[] shape, String model,
      String version) throws OrtException {
    String[] texts = new String[input.path("data").size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = input.path("data").get(i).textValue();
    }
    String outputName = request.path("outputs").get(0).path("name").asText();
    try (var tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), texts, shape)) {
      float[] all = session.run(Map.of(input.path("name").asText(), tensor), java.util.Set.of(outputName), result -> {
        FloatBuffer floats = ((OnnxTensor) result.get(outputName).orElseThrow()).getFloatBuffer();
        float[] copy = new float[floats.remaining()];
        floats.get(copy);
        return copy;
      });
      ObjectNode response = JSON.createObjectNode();
      response.put("model_name", model);
      response.put("model_version", version);
      response.put("id", request.path("id").asText());
      var output = response.putArray("outputs").addObject();
      output.put("name", outputName);
      output.putArray("shape").add(texts.length).add(all.length / Math.max(1, texts.length));
      output.put("datatype", "FP32");
      var flat = output.putArray("data");
      for (float v : all) {
        flat.add(v);
      }
      return response.toString();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    timer.shutdownNow();
    executor.shutdownNow();
    try {
      // A handler still running a model must finish before its native session is freed.
      executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Each session waits for its runs in flight, even those of handlers that outlived the wait above.
    models.values().forEach(GuardedSession::close);
    retired.forEach(GuardedSession::close);
  }
}
