package dev.flipgate.model.kserve;

import dev.flipgate.failure.FlipgateException;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.AnswerKey;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.model.tensor.InputPreparation;
import dev.flipgate.model.tensor.OutputKind;
import dev.flipgate.model.tensor.OutputRows;
import dev.flipgate.io.Sha256;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A model behind an Open Inference Protocol (KServe v2) endpoint, asked over HTTP with the JDK's
 * client: batches of {@code batchSize} examples, {@code concurrency} requests in flight, each
 * retried with jittered exponential backoff on connection errors, timeouts, 5xx and 429 (see
 * {@link Exchange}). The model must report ready before the run. Every fault that remains ends
 * the run as a model failure naming the examples that could not be predicted.
 */
public final class KServeV2Adapter implements ModelAdapter {
  /** Clients (each with its own selector thread) the lanes are spread over. */
  static final int SELECTOR_THREADS = Integer.getInteger("flipgate.kserve.selectors", 2);

  private final KServeSettings settings;
  private final ModelIdentity identity;
  private final Exchange exchange;
  private final String inputName;
  private final long[] exampleShape;
  private final InputPreparation preparation;
  private final String outputName;
  private final OutputRows outputRows;
  private final AtomicLong requestNumber = new AtomicLong();
  private final AnswerOwnership ownership;
  private final AnswerKey answerKey;
  private final byte[] metadataAtStart;

  private KServeV2Adapter(KServeSettings settings, ModelIdentity identity, AnswerKey answerKey, byte[] metadataAtStart,
      Exchange exchange, String inputName,
      long[] exampleShape, InputPreparation preparation, String outputName, OutputRows outputRows) {
    this.settings = settings;
    this.answerKey = answerKey;
    this.metadataAtStart = metadataAtStart;
    this.identity = identity;
    this.exchange = exchange;
    this.inputName = inputName;
    this.exampleShape = exampleShape;
    this.preparation = preparation;
    this.outputName = outputName;
    this.outputRows = outputRows;
    this.ownership = new AnswerOwnership(settings.where(), settings.model(), settings.version());
  }

  public static KServeV2Adapter open(ModelDeclaration.KServeV2 declaration, ModelContext context) {
    return open(declaration, context, System::getenv);
  }

  static KServeV2Adapter open(ModelDeclaration.KServeV2 declaration, ModelContext context, Function<String, String> environment) {
    var settings = KServeSettings.of(declaration, context.suiteFile(), environment);
    var problem = Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'");
    if (declaration.input() == null || declaration.input().name() == null || declaration.input().shape() == null) {
      throw problem.expected("input: { name, shape } of the model's input tensor, batch first")
          .found(String.valueOf(declaration.input())).whatToDo("declare the input tensor").configurationError("missing input");
    }
    long[] shape = declaration.input().shape().stream().mapToLong(Long::longValue).toArray();
    long perExample = java.util.Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
    if (perExample != context.inputLayout().size()) {
      throw Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
          .expected("an input of " + context.inputLayout().size() + " values per example, as the golden set holds")
          .found("input.shape " + declaration.input().shape() + " (" + perExample + " values per example)")
          .whatToDo("fix input.shape (batch first)").configurationError("wrong input shape");
    }
    String kindId = declaration.output() == null ? null : declaration.output().kind();
    OutputKind kind = OutputKind.byId(kindId == null ? "" : kindId).orElseThrow(() -> Problem.at(context.suiteFile())
        .part("model '" + declaration.name() + "'").expected("output: { name, kind } with kind one of " + OutputKind.known())
        .found(String.valueOf(declaration.output())).whatToDo("declare the output").configurationError("unknown output kind"));
    if (declaration.output().name() == null) {
      throw Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'").expected("output.name")
          .found("none").whatToDo("name the output tensor to read").configurationError("missing output name");
    }
    var input = declaration.input();
    boolean channelsFirst = "NCHW".equals(input.layout());
    var preparation = InputPreparation.of(input, context, declaration.name(), channelsFirst);
    kind.checkClasses(declaration.classes() == null ? context.classes() : declaration.classes(),
        Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'"));
    List<String> classes = declaration.classes() == null ? context.classes() : declaration.classes();
    if (!context.classes().containsAll(classes)) {
      throw Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
          .expected("classes among the golden set's " + context.classes()).found(classes.toString())
          .whatToDo("fix classes").configurationError("the model's classes are not the golden set's");
    }
    // Answers are read and decoded on the client's selector thread (a direct executor), which
    // then sends the lane's next request: handing each answer to a pool thread would cost a
    // thread wake-up per request, the dominant cost on a small machine.
    if (!CommonPoolParallelism.sufficient()) {
      System.getLogger(KServeV2Adapter.class.getName()).log(System.Logger.Level.WARNING, CommonPoolParallelism.warning());
    }
    var clients = new ArrayList<HttpClient>();
    for (int i = 0; i < Math.min(settings.concurrency(), SELECTOR_THREADS); i++) {
      clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
          .connectTimeout(settings.connectTimeout()).build());
    }
    var exchange = new Exchange(clients, settings, declaration.name());
    int examples = context.exampleIds().size();
    exchange.awaitReady(examples);
    byte[] metadata = exchange.metadata();
    var identity = new ModelIdentity(declaration.name(), "kserve-v2", settings.where(),
        Sha256.ofBytes(("kserve-v2\n" + settings.where() + "\n" + new String(metadata, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8)), metadata.length);
    var answerKey = AnswerKey.of("kserve-v2").with("endpoint and metadata sha256", identity.sha256())
        .with("input", input.name() + " " + java.util.Arrays.toString(shape))
        .with("input preparation sha256", preparation.fingerprint())
        .with("output", declaration.output().name() + " as " + kind.id()).withClasses(classes, context.classes())
        .with("headers", settings.headers().keySet() + " sha256 " + Sha256.ofBytes(String.valueOf(
            new java.util.TreeMap<>(settings.headers())).getBytes(StandardCharsets.UTF_8)));
    return new KServeV2Adapter(settings, identity, answerKey, metadata, exchange, input.name(), shape, preparation,
        declaration.output().name(), new OutputRows(declaration.name(), kind, classes, context.classes()));
  }

  @Override
  public AnswerKey answerKey() {
    return answerKey;
  }

  /** The server's model metadata after the run must be what it was before: else the model was swapped mid-run. */
  @Override
  public void confirmUnchanged() {
    byte[] now = exchange.metadata();
    if (!java.util.Arrays.equals(now, metadataAtStart)) {
      throw Problem.at(settings.where()).part("all examples of this run")
          .expected("the model metadata the run started with: " + new String(metadataAtStart, StandardCharsets.UTF_8))
          .found(new String(now, StandardCharsets.UTF_8))
          .whatToDo("run the gate again once the deployment is stable; answers from two models are never judged as one")
          .modelFailure("the served model changed during the run");
    }
  }

  @Override
  public ModelIdentity identity() {
    return identity;
  }

  /**
   * Enough examples to keep every lane busy for many rounds (a chunk's last round leaves lanes
   * idle while the slowest finishes): the collector hands over that many at once, and each
   * request's answers are passed on as they come, so the cache loses nothing to the large chunk.
   */
  @Override
  public int batchSize() {
    return OrderCheckRows.examplesPerRequest(settings.batchSize()) * settings.concurrency() * 64; // whole requests only
  }

  /**
   * Asks for the chunk in batches over {@code concurrency} lanes: each lane sends its next batch
   * as soon as its last is answered, from the thread that received the answer, so no thread
   * waits between requests and nothing but the network paces the run.
   */
  @Override
  public List<Prediction> predict(List<ModelInput> chunk) {
    return predict(chunk, (batch, predictions) -> { });
  }

  @Override
  public List<Prediction> predict(List<ModelInput> chunk, BiConsumer<List<ModelInput>, List<Prediction>> answered) {
    var batches = new ArrayList<List<ModelInput>>();
    int perRequest = OrderCheckRows.examplesPerRequest(settings.batchSize());
    for (int start = 0; start < chunk.size(); start += perRequest) {
      batches.add(chunk.subList(start, Math.min(chunk.size(), start + perRequest)));
    }
    var answers = new ArrayList<List<Prediction>>(java.util.Collections.nCopies(batches.size(), null));
    var next = new AtomicInteger();
    var lanes = new ArrayList<CompletableFuture<Void>>();
    for (int lane = 0; lane < Math.min(settings.concurrency(), batches.size()); lane++) {
      lanes.add(lane(lane, batches, answers, next, answered));
    }
    try {
      CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      next.set(batches.size()); // no lane starts another batch
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof FlipgateException flipgate) {
        throw flipgate;
      }
      throw new ModelFailureException(Problem.at(settings.where()).part("examples " + OutputRows.ids(chunk))
          .whatToDo("check the server; the run stops rather than gate on missing answers")
          .says("model '" + identity.name() + "' failed: " + cause), cause);
    }
    var predictions = new ArrayList<Prediction>(chunk.size());
    answers.forEach(predictions::addAll);
    return predictions;
  }

  private CompletableFuture<Void> lane(int lane, List<List<ModelInput>> batches, List<List<Prediction>> answers,
      AtomicInteger next, BiConsumer<List<ModelInput>, List<Prediction>> answered) {
    int index = next.getAndIncrement();
    if (index >= batches.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return ask(lane, batches.get(index)).thenCompose(predictions -> {
      synchronized (answers) {
        answers.set(index, predictions);
      }
      answered.accept(batches.get(index), predictions);
      return lane(lane, batches, answers, next, answered);
    }).whenComplete((done, failure) -> {
      if (failure != null) {
        next.set(batches.size()); // a failed run stops asking
      }
    });
  }

  private CompletableFuture<List<Prediction>> ask(int lane, List<ModelInput> batch) {
    String requestId = identity.name() + "-" + requestNumber.incrementAndGet();
    List<ModelInput> rows = OrderCheckRows.withCopies(batch);
    byte[] body = V2Protocol.request(requestId, inputName, exampleShape, preparation, outputName, rows, batch);
    return exchange.infer(lane, body, batch)
        .thenApply(answer -> OrderCheckRows.checked(decode(answer, requestId, rows), batch, settings.where(), requestId));
  }

  private List<Prediction> decode(byte[] answer, String requestId, List<ModelInput> batch) {
    V2Protocol.Output output;
    try {
      output = V2Protocol.output(answer, outputName);
    } catch (V2Protocol.MalformedResponse e) {
      throw Problem.at(settings.where()).part("examples " + OutputRows.ids(batch)).expected(e.expected()).found(e.found())
          .whatToDo("check the server's inference handler and the declared output.name")
          .modelFailure("malformed inference response");
    }
    ownership.check(output, requestId, batch, outputRows.width());
    return outputRows.decode(output.data(), output.rows(), batch);
  }

  @Override
  public void close() {
    // The JDK 17 client has no close: its connections end with it when it is collected.
  }
}
