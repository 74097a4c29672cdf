package dev.flipgate.model.subprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.declaration.BoundedSetting;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.model.tensor.OutputRows;
import dev.flipgate.io.Sha256;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A model as a long-lived process speaking JSON lines. For each batch it is sent one line
 *
 * <pre>{"id": "b7", "examples": [{"id": "e1", "input": [0.1, 0.2]}, …]}</pre>
 *
 * (for a text golden set {@code "input"} is the example's text, a JSON string, exactly as the
 * golden set holds it)
 * and must answer one line, the predictions in the same order,
 *
 * <pre>{"id": "b7", "predictions": [{"id": "e1", "label": "cat", "scores": {"cat": 0.9, "dog": 0.1}}, …]}</pre>
 *
 * ({@code scores} optional; a regression answers {@code "label": "3.7"}), or
 * {@code {"id": "b7", "error": "why"}}. A process that exits, answers something else, or takes
 * longer than {@code timeoutMs} fails the run naming the batch's examples and showing the end of
 * its stderr; a hung process is killed.
 */
public final class SubprocessAdapter implements ModelAdapter {
  private static final ObjectMapper JSON = dev.flipgate.io.StrictJson.MAPPER;
  private static final com.fasterxml.jackson.databind.ObjectWriter REQUEST_WRITER =
      JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);

  private final ModelIdentity identity;
  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader responses;
  private final StderrTail stderr;
  /** Reads the answers, so the run can stop waiting for one that never comes; its own thread, as the read blocks. */
  private final ExecutorService reader;
  private final int batchSize;
  private final long timeoutMillis;
  private final List<String> classes;
  private final dev.flipgate.goldenset.Task task;
  private final Path directory;
  private int batchNumber;

  private SubprocessAdapter(ModelIdentity identity, Process process, int batchSize, long timeoutMillis, List<String> classes,
      dev.flipgate.goldenset.Task task, Path directory) {
    this.task = task;
    this.directory = directory;
    this.identity = identity;
    this.process = process;
    this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = new StderrTail(process.getErrorStream(), identity.name());
    this.reader = Executors.newSingleThreadExecutor(readLoop -> {
      var thread = new Thread(readLoop, "flipgate-" + identity.name() + "-stdout");
      thread.setDaemon(true);
      return thread;
    });
    this.batchSize = batchSize;
    this.timeoutMillis = timeoutMillis;
    this.classes = List.copyOf(classes);
  }

  public static SubprocessAdapter open(ModelDeclaration.Subprocess declaration, ModelContext context) {
    var problem = Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'");
    if (declaration.command() == null || declaration.command().isEmpty()) {
      throw problem.expected("command: the program and its arguments, e.g. [python3, serve.py]").found("none")
          .whatToDo("declare the command").configurationError("no command");
    }
    Path directory = context.suiteFile().toAbsolutePath().getParent();
    String key = "model '" + declaration.name() + "'.";
    int batchSize = BoundedSetting.of(context.suiteFile(), key + "batchSize", declaration.batchSize(), 32, 1,
        BoundedSetting.MAX_BATCH);
    int timeout = BoundedSetting.of(context.suiteFile(), key + "timeoutMs", declaration.timeoutMs(), 30_000, 1,
        BoundedSetting.MAX_MILLIS);
    Process process;
    try {
      process = new ProcessBuilder(declaration.command()).directory(directory.toFile()).start();
    } catch (IOException e) {
      throw Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
          .expected("a command that starts: " + declaration.command()).found(e.getMessage())
          .whatToDo("check the program is installed and on PATH; arguments are relative to " + directory)
          .configurationError("cannot start the model's process");
    }
    return new SubprocessAdapter(identity(declaration, directory), process, batchSize, timeout, context.classes(),
        context.task(), directory);
  }

  /** The command, and the content of every argument that names a file beside the suite (the script, its weights). */
  private static ModelIdentity identity(ModelDeclaration.Subprocess declaration, Path directory) {
    var digest = Sha256.newDigest();
    long size = 0;
    for (String part : declaration.command()) {
      digest.update((part + "\n").getBytes(StandardCharsets.UTF_8));
      Path file = directory.resolve(part).normalize();
      if (file.startsWith(directory) && Files.isRegularFile(file)) {
        try {
          byte[] content = Files.readAllBytes(file);
          digest.update(content);
          size += content.length;
        } catch (IOException e) {
          throw Problem.at(file).whatToDo("check the file is readable").configurationError("cannot read the model's file");
        }
      }
    }
    return new ModelIdentity(declaration.name(), "subprocess", String.join(" ", declaration.command()),
        java.util.HexFormat.of().formatHex(digest.digest()), size);
  }

  @Override
  public ModelIdentity identity() {
    return identity;
  }

  /**
   * The command and the content of the files it names (in its identity), the directory it runs
   * in, and the classes. Files the process loads by itself are not seen here: the cache's spot
   * check re-asks a sample of cached examples each run to catch such a change.
   */
  @Override
  public dev.flipgate.model.AnswerKey answerKey() {
    return dev.flipgate.model.AnswerKey.of("subprocess").with("command and its files sha256", identity.sha256())
        .with("command", identity.location()).with("directory", directory).with("task", task)
        .withClasses(classes, classes);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  /** The end of the process's stderr (its last {@value StderrTail#KEPT} bytes). */
  @Override
  public java.util.Optional<String> sideOutput() {
    String text = stderr.text();
    return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
  }

  @Override
  public List<Prediction> predict(List<ModelInput> batch) {
    String id = "b" + (++batchNumber);
    String line;
    try {
      requests.write(request(id, batch));
      requests.newLine();
      requests.flush();
      line = reader.submit(this::readLine).get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw failure(batch, "an answer within " + timeoutMillis + " ms", "none: the process hangs; it was killed",
          "the model's process did not answer");
    } catch (IOException | ExecutionException e) {
      line = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw failure(batch, "an answer", "interrupted", "interrupted while waiting for the model's process");
    }
    if (line == null) {
      throw failure(batch, "an answer line", exitDescription(), "the model's process ended");
    }
    return parse(id, line, batch);
  }

  private String readLine() {
    try {
      return responses.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  private static String request(String id, List<ModelInput> batch) throws IOException {
    ObjectNode request = JSON.createObjectNode().put("id", id);
    var examples = request.putArray("examples");
    for (ModelInput input : batch) {
      var example = examples.addObject().put("id", input.exampleId());
      if (input.tensor().isText()) {
        example.put("input", input.tensor().text());
        continue;
      }
      var values = example.putArray("input");
      for (int i = 0; i < input.tensor().size(); i++) {
        values.add(input.tensor().get(i));
      }
    }
    // Non-ASCII escaped (U+2028, U+0085, … as JSON escapes): a text's own line separators can then never split
    // a request line, whatever the model's language counts as a line break.
    return REQUEST_WRITER.writeValueAsString(request);
  }

  private List<Prediction> parse(String id, String line, List<ModelInput> batch) {
    JsonNode response;
    try {
      response = JSON.readTree(line);
    } catch (IOException e) {
      throw failure(batch, "one JSON object per line", excerpt(line), "the model's process answered something else");
    }
    if (response.hasNonNull("error")) {
      throw failure(batch, "predictions", "the process's error: " + response.path("error").asText(), "the model failed");
    }
    JsonNode predictions = response.path("predictions");
    if (!id.equals(response.path("id").asText()) || !predictions.isArray() || predictions.size() != batch.size()) {
      throw failure(batch, "{\"id\": \"" + id + "\", \"predictions\": [" + batch.size() + " predictions]}", excerpt(line),
          "the model's process answered something else");
    }
    List<Prediction> answers = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      answers.add(prediction(predictions.get(i), batch.get(i)));
    }
    return answers;
  }

  private Prediction prediction(JsonNode answer, ModelInput input) {
    String label = answer.path("label").isValueNode() ? answer.path("label").asText() : null;
    if (!input.exampleId().equals(answer.path("id").asText()) || label == null) {
      throw failure(List.of(input), "{\"id\": \"" + input.exampleId() + "\", \"label\": …}", excerpt(answer.toString()),
          "the model's process answered another example, or no label");
    }
    if (task.isRegression() ? !dev.flipgate.io.CsvNumbers.isFinite(label) : !classes.contains(label)) {
      throw failure(List.of(input), task.isRegression() ? "a finite number as the label of a regression task"
          : "a label among the classes " + classes, "'" + label + "' for example " + input.exampleId(),
          task.isRegression() ? "the model's process answered a label that is not a number"
              : "the model's process answered a label that is not a class");
    }
    JsonNode scores = answer.path("scores");
    if (!scores.isObject()) {
      return Prediction.of(label);
    }
    double[] probabilities = new double[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      JsonNode score = scores.path(classes.get(c));
      if (!score.isNumber() || !Double.isFinite(score.asDouble())) {
        throw failure(List.of(input), "a finite score for every class " + classes, excerpt(scores.toString()),
            "the model's process answered incomplete or NaN scores");
      }
      probabilities[c] = score.asDouble();
    }
    if (scores.size() != classes.size()) {
      throw failure(List.of(input), "scores only for the classes " + classes, excerpt(scores.toString()),
          "the model's process answered scores for unknown classes");
    }
    var problem = ClassScores.problemWith(classes, probabilities);
    if (problem.isPresent()) {
      throw failure(List.of(input), "class probabilities for example " + input.exampleId() + ": each within [0, 1],"
          + " summing to 1 within " + ClassScores.SUM_TOLERANCE, problem.get(),
          "the model's process answered scores that are not probabilities");
    }
    return new Prediction(label, java.util.Optional.of(new ClassScores(classes, probabilities)));
  }

  private String exitDescription() {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        return "the process exited with code " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "its stdout closed";
  }

  private ModelFailureException failure(List<ModelInput> batch, String expected, String found, String summary) {
    String tail = stderr.text();
    return Problem.at("model '" + identity.name() + "' (" + identity.location() + ")")
        .part("examples " + OutputRows.ids(batch)).expected(expected).found(found)
        .whatToDo(tail.isEmpty() ? "run the command by hand with a request line to see what it does"
            : "its stderr ends with:\n" + tail.lines().skip(Math.max(0, tail.lines().count() - 15))
                .map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse(""))
        .modelFailure(summary);
  }

  private static String excerpt(String text) {
    return "'" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "'";
  }

  @Override
  public void close() {
    reader.shutdownNow(); // a read still blocked ends when the process does
    try {
      requests.close(); // end of input: a well-behaved model exits by itself
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
