package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden-set data a model would otherwise be asked about with wrong values, refused with its physical line (exit 2). */
class BadDataTest extends FailedClosedCorpus {

  @Nested
  class NumbersOnlyAsACsvAuthorMeansThem {
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0x1p-2", "0.5d", "2f", "1e", "1.2.3", "Infinity", "NaN", "1_000", "+-1", ".", "e5"})
    void anInputValueJavaWouldReadButACsvAuthorNeverWrites(String value) {
      tiny.examples = tiny.examples.replace("e2,dog,a,hard,0.9,0.8", "e2,dog,a,hard,0.9," + value);

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 3, example e2", "non-numeric model input", "'" + value + "'");
    }

    @Test
    void aDecimalCommaInAQuotedField() {
      tiny.examples = tiny.examples.replace("e2,dog,a,hard,0.9,0.8", "e2,dog,a,hard,0.9,\"0,8\"");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 3, example e2", "'0,8'");
    }

    @Test
    void aRangeSliceOverAColumnThatIsNotANumber() {
      tiny.manifest = tiny.manifest.replace("metadata: [group]", "metadata: [group, size]")
          .replace("  - { name: hard, tag: hard }", "  - { name: hard, tag: hard }\n  - { name: small, where: { column: size, range: { max: 3 } } }");
      tiny.examples = tiny.examples.replace("id,label,group,tags,", "id,label,group,size,tags,")
          .replace("e1,cat,a,", "e1,cat,a,1,").replace("e2,dog,a,", "e2,dog,a,2,").replace("e3,cat,b,", "e3,cat,b,0x3,")
          .replace("e4,dog,b,", "e4,dog,b,4,");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 4, example e3", "non-numeric value in a range slice's column", "'0x3'");
    }
  }

  @Nested
  class PhysicalLineNumbers {
    @Test
    void anErrorAfterBlankLinesNamesTheLineItIsOn() {
      tiny.examples = tiny.examples.replace("e3,cat,b,hard,0.2,0.1\n", "\n\ne3,cat,b,hard,0.2,oops\n");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 6, example e3", "'oops'");
    }

    @Test
    void anErrorAfterAQuotedFieldSpanningLinesNamesTheLineItIsOn() {
      tiny.examples = tiny.examples.replace("e2,dog,a,hard,", "e2,dog,\"a\nstill a\nand still a\",hard,")
          .replace("e4,dog,b,,0.8,0.9", "e4,dog,b,,0.8,oops");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 7, example e4", "'oops'");
    }

    @Test
    void aRowWithTooFewColumnsAfterABlankLine() {
      tiny.examples = tiny.examples.replace("e4,dog,b,,0.8,0.9", "\ne4,dog,b,0.8");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 6", "wrong number of columns");
    }
  }

  @Nested
  class Headers {
    @Test
    void aColumnNamedTwice() {
      tiny.examples = tiny.examples.replace("id,label,group,tags,f0,f1", "id,label,group,tags,f0,f0");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv", "invalid CSV header", "f0");
    }

    @Test
    void anAdversarialFileWithAColumnNamedTwice() {
      tiny.adversarial = tiny.adversarial.replace("id,source,perturbation,expectation,f0,f1", "id,source,source,expectation,f0,f1");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("adversarial.csv", "invalid CSV header", "source");
    }

    @Test
    void anExamplesFileWithOnlyItsHeader() {
      tiny.examples = "id,label,group,tags,f0,f1\n";
      tiny.manifest = tiny.manifest.replace("critical: { ids: [e1] }\n", "").replace("""
          adversarial:
            file: adversarial.csv
            perturbations: [ { name: nudge, description: "f0 moved a little" } ]
          """, "");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv", "the golden set is empty");
    }
  }

  @Nested
  class PathsConfinedToTheGoldenSet {
    @Test
    void anExamplesFileThatIsASymlinkOutOfTheGoldenSet(@TempDir Path elsewhere) throws IOException {
      Path outside = Files.writeString(elsewhere.resolve("secret.csv"), tiny.examples);
      tiny.manifest = tiny.manifest.replace("file: examples.csv,", "file: linked.csv,");
      tiny.writeTo(directory);
      Files.createSymbolicLink(directory.resolve("linked.csv"), outside);

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "path leaves the golden set", "a link to " + outside.toRealPath());
    }

    @Test
    void anAbsoluteExamplesPath() {
      tiny.manifest = tiny.manifest.replace("file: examples.csv,", "file: /etc/hostname,");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "path leaves the golden set", "'/etc/hostname'");
    }

    @Test
    void aManifestThatIsASymlinkOutOfTheGoldenSet(@TempDir Path outside) throws IOException {
      Path suite = tiny.writeTo(directory);
      Files.move(directory.resolve("manifest.yaml"), outside.resolve("manifest.yaml"));
      Files.createSymbolicLink(directory.resolve("manifest.yaml"), outside.resolve("manifest.yaml"));
      run = dev.flipgate.testing.CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "path leaves the golden set");
    }

    @Test
    void aMissingAdversarialFile() throws IOException {
      tiny.manifest = tiny.manifest.replace("file: adversarial.csv", "file: adversarial-v2.csv");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "adversarial examples file", "no such file");
    }
  }
}
