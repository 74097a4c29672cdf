package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A text golden set's bad input, refused with its file and line or its example (exit 2 or 3),
 * never a verdict: bytes that are not UTF-8, a missing text column, an empty text, and a model
 * process that answers for another example than the one asked.
 */
class BadTextInputTest extends FailedClosedCorpus {
  /** Answers "positive" when the text holds "good"; with "shift" in argv, each answer carries the next example's id. */
  private static final String MODEL = """
      import json, sys
      shift = "shift" in sys.argv
      for line in sys.stdin:
          request = json.loads(line)
          examples = request["examples"]
          answers = []
          for i, example in enumerate(examples):
              said = "positive" if "good" in example["input"] else "negative"
              answer_id = examples[(i + 1) % len(examples)]["id"] if shift else example["id"]
              answers.append({"id": answer_id, "label": said})
          print(json.dumps({"id": request["id"], "predictions": answers}), flush=True)
      """;

  private String manifest = """
      name: tiny-text
      classes: [negative, positive]
      input: { text: text }
      examples: { file: examples.jsonl, metadata: [source] }
      """;
  private byte[] examples = utf8("""
      {"id": "t1", "source": "a", "text": "a good phone", "label": "positive"}
      {"id": "t2", "source": "a", "text": "not good at all", "label": "negative"}
      {"id": "t3", "source": "b", "text": "caf\u00e9 was awful\u0085really", "label": "negative"}
      {"id": "t4", "source": "b", "text": "good food", "label": "positive"}
      """);
  private String candidateArguments = "";

  private CliRun gateText() throws IOException {
    Files.writeString(directory.resolve("manifest.yaml"), manifest);
    Files.write(directory.resolve(manifest.contains("examples.csv") ? "examples.csv" : "examples.jsonl"), examples);
    Files.writeString(directory.resolve("model.py"), MODEL);
    Files.writeString(directory.resolve("suite.yaml"), """
        name: tiny-text
        goldenSet: .
        deployed: { type: subprocess, name: old, command: [python3, model.py] }
        candidates:
          new: { type: subprocess, name: new, command: [python3, model.py%s] }
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 0.5 }
        """.formatted(candidateArguments));
    run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(),
        "--quiet", "--no-cache");
    return run;
  }

  @Test
  void bytesThatAreNotUtf8NameTheirLine() throws IOException {
    // "café" written as Latin-1: 0xE9 alone is no UTF-8.
    examples = new String(examples, StandardCharsets.UTF_8).replace("caf\u00e9", "caf@").getBytes(StandardCharsets.UTF_8);
    int at = indexOf(examples, (byte) '@');
    examples[at] = (byte) 0xE9;

    assertThat(gateText().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.jsonl, line 3", "the data file is not UTF-8", "save the file as UTF-8");
  }

  @Test
  void aCsvWithBytesThatAreNotUtf8NamesItsLineToo() throws IOException {
    manifest = manifest.replace("examples.jsonl", "examples.csv");
    examples = new byte[] {'i', 'd', ',', 's', 'o', 'u', 'r', 'c', 'e', ',', 't', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l', '\n',
        't', '1', ',', 'a', ',', 'g', 'o', 'o', 'd', ',', 'p', 'o', 's', 'i', 't', 'i', 'v', 'e', '\n',
        't', '2', ',', 'a', ',', 'b', 'a', 'd', (byte) 0xC3, ',', 'n', 'e', 'g', 'a', 't', 'i', 'v', 'e', '\n'};

    assertThat(gateText().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.csv, line 3", "the data file is not UTF-8");
  }

  @Test
  void aMissingTextColumnIsNamed() throws IOException {
    manifest = manifest.replace("input: { text: text }", "input: { text: review }");

    assertThat(gateText().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.jsonl, line 1", "input column 'review'", "an input column is missing");
  }

  @Test
  void anEmptyTextNamesItsExample() throws IOException {
    examples = new String(examples, StandardCharsets.UTF_8).replace("\"good food\"", "\"  \"").getBytes(StandardCharsets.UTF_8);

    assertThat(gateText().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.jsonl, line 4, example t4", "empty text input", "only white space");
  }

  @Test
  void aLineWithOtherKeysThanTheFirstIsNamed() throws IOException {
    examples = new String(examples, StandardCharsets.UTF_8).replace("\"source\": \"b\", \"text\": \"good food\"",
        "\"origin\": \"b\", \"text\": \"good food\"").getBytes(StandardCharsets.UTF_8);

    assertThat(gateText().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.jsonl, line 4", "a line has other keys than the first");
  }

  @Test
  void aModelAnsweringForAnotherExampleFailsTheRunNamingIt() throws IOException {
    candidateArguments = ", shift";

    assertThat(gateText().exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("model 'new'", "t1", "answered another example");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + value);
  }
}
