package dev.flipgate.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.suite.SuiteReader;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-edited suite or manifest that breaks its published schema is refused before anything runs,
 * with the file, the line and the path of the break, what the schema expects there and what to do.
 * Each case tampers with one line of the bundled breast-cancer files.
 */
class TamperedSuiteTest {
  @TempDir Path directory;

  @Test
  void aMisspeltKeyInARuleIsNamedWithItsLineAndTheKeysTheRuleTakes() throws IOException {
    Path suite = tampered("      max: 0.01", "      maxx: 0.01");

    assertThatThrownBy(() -> SuiteReader.read(suite))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("suite.yaml, line " + lineOf(suite, "maxx:"))
        .hasMessageContaining("at policy.rules[1].maxx")
        .hasMessageContaining("unknown key in the suite")
        .hasMessageContaining("expected: one of [judge, max, rule, slices]")
        .hasMessageContaining("found:    'maxx'");
  }

  @Test
  void aThresholdThatIsNotANumberIsRefusedWhereItIsWritten() throws IOException {
    Path suite = tampered("      max: 0.01", "      max: lots");

    assertThatThrownBy(() -> SuiteReader.read(suite))
        .hasMessageContaining("suite.yaml, line " + lineOf(suite, "max: lots"))
        .hasMessageContaining("at policy.rules[1].max")
        .hasMessageContaining("does not match its schema")
        .hasMessageContaining("number expected")
        .hasMessageContaining("found:    'lots'");
  }

  @Test
  void anUnknownModelTypeListsTheTypesThereAre() throws IOException {
    Path suite = tampered("    type: onnx", "    type: onnx-gpu");

    assertThatThrownBy(() -> SuiteReader.read(suite))
        .hasMessageContaining("line " + lineOf(suite, "type: onnx-gpu"))
        .hasMessageContaining("at candidates.fm.type")
        .hasMessageContaining("[\"onnx\", \"predictions\", \"kserve-v2\", \"subprocess\", \"recorded\"]");
  }

  @Test
  void aKeyTheModelsTypeDoesNotTakeIsNamedAgainstThatTypeAlone() throws IOException {
    Path suite = tampered("    batchSize: 64", "    batchSize: 64\n    url: http://localhost:8080");

    assertThatThrownBy(() -> SuiteReader.read(suite))
        .hasMessageContaining("line " + lineOf(suite, "url:"))
        .hasMessageContaining("at candidates.fm.url")
        .hasMessageContaining("expected: one of [batchSize, classes, file, input, name, output, type]");
  }

  @Test
  void aSuiteWithoutANameIsRefusedForIt() throws IOException {
    Path suite = tampered("name: breast-cancer", "title: breast-cancer");

    assertThatThrownBy(() -> SuiteReader.read(suite)).hasMessageContaining("unknown key in the suite")
        .hasMessageContaining("line " + lineOf(suite, "title:"));
  }

  @Test
  void aManifestKeyTheManifestDoesNotHaveIsNamedWithItsLine() throws IOException {
    Path golden = directory.resolve("set");
    Files.createDirectories(golden);
    Path source = RepositoryPaths.root().resolve("golden-sets/breast-cancer");
    for (String file : List.of("examples.csv", "standardizer.csv")) {
      Files.copy(source.resolve(file), golden.resolve(file));
    }
    String manifest = Files.readString(source.resolve("manifest.yaml"));
    assertThat(manifest).contains("version: 1.0.0");
    Files.writeString(golden.resolve("manifest.yaml"), manifest.replace("version: 1.0.0", "version: 1.10\nlicence: CC-BY-4.0"));

    assertThatThrownBy(() -> GoldenSetLoader.load(golden))
        .hasMessageContaining("manifest.yaml, line " + lineOf(golden.resolve("manifest.yaml"), "licence:"))
        .hasMessageContaining("at licence")
        .hasMessageContaining("unknown key in the golden-set manifest")
        .hasMessageContaining("found:    'licence'");
  }

  @Test
  void theBundledSuiteItselfIsRead() {
    assertThat(SuiteReader.read(RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml")).name())
        .isEqualTo("breast-cancer");
  }

  /** The bundled breast-cancer suite, its golden set beside it, with one line replaced. */
  private Path tampered(String line, String replacement) throws IOException {
    String suite = Files.readString(RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml"));
    assertThat(suite).as("the line to tamper with").contains(line);
    Path file = directory.resolve("suite.yaml");
    Files.writeString(file, suite.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(replacement))
        .replace("goldenSet: .", "goldenSet: " + RepositoryPaths.root().resolve("golden-sets/breast-cancer")));
    return file;
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file);
  }
}
