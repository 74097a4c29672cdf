package dev.flipgate.model.onnx;

import dev.flipgate.model.tensor.InputPreparation;
import dev.flipgate.model.tensor.OutputKind;
import dev.flipgate.model.tensor.OutputRows;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.AnswerKey;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an ONNX model in-process with ONNX Runtime. The model's signature is checked against its
 * declaration when it is opened; every output is checked for NaN before it becomes a prediction.
 */
public final class OnnxModelAdapter implements ModelAdapter {
  private final OrtEnvironment environment;
  private final GuardedSession session;
  private final ModelIdentity identity;
  private final String inputName;
  private final long[] inputShape;
  private final int batchSize;
  private final String outputName;
  private final OutputKind outputKind;
  private final InputPreparation preparation;
  private final OnnxOutputReader outputReader;
  private final AnswerKey answerKey;

  private OnnxModelAdapter(OrtEnvironment environment, GuardedSession session, ModelIdentity identity,
      String inputName, long[] inputShape, int batchSize, String outputName, OutputKind outputKind,
      InputPreparation preparation, OnnxOutputReader outputReader, AnswerKey answerKey) {
    this.answerKey = answerKey;
    this.environment = environment;
    this.session = session;
    this.identity = identity;
    this.inputName = inputName;
    this.inputShape = inputShape;
    this.batchSize = batchSize;
    this.outputName = outputName;
    this.outputKind = outputKind;
    this.preparation = preparation;
    this.outputReader = outputReader;
  }

  public static OnnxModelAdapter open(ModelDeclaration.Onnx declaration, ModelContext context) {
    Path file = DeclaredPaths.resolveExisting(context.suiteFile(), declaration.file(), "model file");
    var signature = new OnnxSignature(context.suiteFile(), declaration);
    List<String> classes = declaration.classes() == null ? context.classes() : declaration.classes();
    checkClasses(signature, classes, context.classes());
    OutputKind kind = signature.outputKind();
    OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "flipgate");
    GuardedSession session = GuardedSession.of(createSession(environment, file, signature));
    try {
      signature.checkInputType(session.inspect(), context.inputLayout().isText());
      long[] shape = signature.inputShape(session.inspect(), context.inputLayout().size());
      int batchSize = signature.batchSize(shape);
      String output = signature.outputName(session.inspect(), kind, classes.size());
      var input = declaration.input();
      kind.checkClasses(classes, signature.problem());
      var preparation = InputPreparation.of(input, context, declaration.name(),
          !context.inputLayout().isText() && signature.channelsFirst());
      var identity = new ModelIdentity(declaration.name(), "onnx", file.toString(), Sha256.ofFile(file), Files.size(file));
      var answerKey = AnswerKey.of("onnx").with("model sha256", identity.sha256())
          .with("input", input.name() + " " + java.util.Arrays.toString(shape))
          .with("input preparation sha256", preparation.fingerprint())
          .with("output", output + " as " + kind.id()).withClasses(classes, context.classes())
          .with("onnx runtime", environment.getVersion()).with("platform", dev.flipgate.model.ExecutionPlatform.describe());
      return new OnnxModelAdapter(environment, session, identity, input.name(), shape, batchSize, output, kind,
          preparation, new OnnxOutputReader(identity.name(), kind, classes, context.classes()), answerKey);
    } catch (OrtException | IOException | RuntimeException e) {
      session.close();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ConfigurationException(signature.problem().says("cannot inspect the model: " + e.getMessage()), e);
    }
  }

  private static void checkClasses(OnnxSignature signature, List<String> modelClasses, List<String> goldenClasses) {
    if (!Set.copyOf(goldenClasses).containsAll(modelClasses) || modelClasses.size() != Set.copyOf(modelClasses).size()) {
      throw signature.problem().expected("classes: the golden set's class names " + goldenClasses + " in output order")
          .found(modelClasses.toString()).configurationError("the model's classes are not the golden set's");
    }
  }

  private static OrtSession createSession(OrtEnvironment environment, Path file, OnnxSignature signature) {
    try (var options = new OrtSession.SessionOptions()) {
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      return environment.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ConfigurationException(Problem.at(file)
          .expected("an ONNX model file").found("ONNX Runtime cannot load it: " + e.getMessage())
          .whatToDo("check the path in the suite and that the file is a complete .onnx model")
          .says("not a loadable ONNX model (" + signature.problem().says("").where() + ")"), e);
    }
  }

  @Override
  public ModelIdentity identity() {
    return identity;
  }

  @Override
  public AnswerKey answerKey() {
    return answerKey;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public List<Prediction> predict(List<ModelInput> batch) {
    try (OnnxTensor tensor = inputTensor(batch)) {
      List<Prediction> predictions = session.run(Map.of(inputName, tensor), Set.of(outputName),
          result -> outputReader.read(result.get(outputName).orElseThrow(), batch));
      return new ArrayList<>(predictions.subList(0, batch.size()));
    } catch (OrtException e) {
      throw failed(batch, e);
    }
  }

  /** The batch as the model's input: its texts, or its prepared numbers; a fixed batch size is padded with the last input. */
  private OnnxTensor inputTensor(List<ModelInput> batch) throws OrtException {
    int rows = inputShape[0] > 0 ? (int) inputShape[0] : batch.size();
    long[] shape = inputShape.clone();
    shape[0] = rows;
    if (preparation.source().isText()) {
      String[] texts = new String[rows];
      for (int row = 0; row < rows; row++) {
        texts[row] = batch.get(Math.min(row, batch.size() - 1)).tensor().text();
      }
      return OnnxTensor.createTensor(environment, texts, shape);
    }
    FloatBuffer buffer = FloatBuffer.allocate(rows * preparation.source().size());
    for (int row = 0; row < rows; row++) {
      preparation.write(batch.get(Math.min(row, batch.size() - 1)).tensor(), buffer);
    }
    buffer.flip();
    return OnnxTensor.createTensor(environment, buffer, shape);
  }

  private RuntimeException failed(List<ModelInput> batch, OrtException e) {
    return Problem.at(identity.location())
        .expected("ONNX Runtime to answer for " + OutputRows.ids(batch)).found(e.getMessage())
        .whatToDo("check that the model and its declared input fit the golden set")
        .modelFailure("model '" + identity.name() + "' failed");
  }

  /** Frees the session once the runs in flight (a latency probe, a JUnit engine thread) have ended. */
  @Override
  public void close() {
    session.close();
  }
}
