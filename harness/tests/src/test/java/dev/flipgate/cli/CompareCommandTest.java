package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flipgate compare}: a gate from a labels file and two predictions files, writing the suite it ran. */
class CompareCommandTest {
  @TempDir Path directory;

  @BeforeEach
  void givenLabelsAndTwoModelsAnswers() throws IOException {
    Files.writeString(directory.resolve("labels.csv"), "id,label,group\ne1,cat,a\ne2,dog,a\ne3,cat,b\ne4,dog,b\n");
    Files.writeString(directory.resolve("old.csv"), "id,prediction,score_cat,score_dog\ne1,cat,0.9,0.1\ne2,dog,0.2,0.8\n"
        + "e3,cat,0.7,0.3\ne4,dog,0.4,0.6\n");
    Files.writeString(directory.resolve("new.csv"), "id,prediction,score_cat,score_dog\ne1,dog,0.4,0.6\ne2,dog,0.2,0.8\n"
        + "e3,cat,0.7,0.3\ne4,dog,0.4,0.6\n");
  }

  private CliRun compare(String candidate, String... more) {
    var args = new java.util.ArrayList<>(java.util.List.of("compare", "--labels", directory.resolve("labels.csv").toString(),
        "--deployed", directory.resolve("old.csv").toString(), "--candidate", directory.resolve(candidate).toString(),
        "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger"));
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void blocksWithTheDefaultPolicyAndWritesTheSuiteItRanForTheUserToKeep() throws IOException {
    CliRun run = compare("new.csv", "--slice-by", "group");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    var result = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
    assertThat(result.path("slices")).extracting(s -> s.path("name").asText()).containsExactly("all", "group-a", "group-b");
    assertThat(result.path("reasons")).extracting(r -> r.path("slice").asText()).contains("all", "group-a")
        .doesNotContain("group-b");
    Path suite = directory.resolve("out/suite/suite.yaml");
    assertThat(Files.readString(suite)).contains("max-negative-flip-rate", "file: candidate.csv");

    CliRun again = CliRun.of("gate", suite.toString(), "--out", directory.resolve("again").toString(), "--quiet", "--no-ledger");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(directory.resolve("again/result.json").toFile()).path("reasons"))
        .isEqualTo(result.path("reasons"));
  }

  @Test
  void identicalAnswersPromote() {
    assertThat(compare("old.csv").exitCode()).isZero();
  }

  @Test
  void aSliceColumnTheLabelsLackIsRefusedNamingTheFile() {
    CliRun run = compare("new.csv", "--slice-by", "region");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("labels.csv, line 1", "'region'", "[id, label, group]");
  }

  @Test
  void predictionsWithoutAPredictionColumnAreRefused() throws IOException {
    Files.writeString(directory.resolve("bad.csv"), "id,answer\ne1,cat\n");

    CliRun run = compare("bad.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv", "a column 'prediction'");
  }
}
