package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Predictions files that do not say what a model answered are model failures naming the example (exit 3). */
class BadPredictionsTest extends FailedClosedCorpus {

  @Nested
  class ScoresThatAreNotProbabilities {
    @Test
    void aScoreAboveOneIsNotClippedButRefused() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,dog,-0.2,1.2");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 3, example e2", "scores that are not probabilities",
          "the score -0.2 for class 'cat', outside [0, 1]");
    }

    @Test
    void scoresThatDoNotSumToOne() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3", "e3,cat,0.7,0.6");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 4, example e3", "scores that sum to 1.3", "not 1 (within 0.01)");
    }

    @Test
    void logitsWrittenAsScores() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,cat,2.3,-1.1");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 2, example e1", "apply softmax to logits");
    }

    @Test
    void scoresInJsonLinesThatDoNotSumToOne() {
      tiny.candidateFile = "candidate.jsonl";
      tiny.candidatePredictions = """
          {"id": "e1", "prediction": "cat", "scores": {"cat": 0.9, "dog": 0.9}}
          """;

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.jsonl, line 1, example e1", "scores that sum to 1.8");
    }

    @Test
    void aScoreInHexadecimal() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e4,dog,0.4,0.6", "e4,dog,0x1.999999999999ap-2,0.6");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 5, example e4", "a score that is not a number", "score_cat",
          "'0x1.999999999999ap-2'");
    }
  }

  @Nested
  class BothFilesAtOnce {
    @Test
    void whenBothFilesAreBadTheDeployedOneIsReportedAsIfReadFirst() {
      // The two files are read at the same time; the report must not depend on which finishes first.
      tiny.deployedPredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,dog,-0.2,1.2");
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3", "e3,cat,0.7,0.6");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("deployed.csv, line 3, example e2").doesNotContain("candidate.csv");
    }

    @Test
    void whenOnlyTheCandidatesFileIsBadItIsReported() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3", "e3,cat,0.7,0.6");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 4, example e3").doesNotContain("deployed.csv");
    }
  }

  @Nested
  class AmbiguousFiles {
    @Test
    void aKeyGivenTwiceInAJsonLine() {
      tiny.candidateFile = "candidate.jsonl";
      tiny.candidatePredictions = """
          {"id": "e1", "prediction": "cat", "prediction": "dog"}
          """;

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.jsonl, line 1", "invalid JSON line");
    }

    @Test
    void aScoreColumnNamedTwice() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("id,prediction,score_cat,score_dog",
          "id,prediction,score_cat,score_cat");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv", "invalid CSV header", "score_cat");
    }

    @Test
    void aQuoteClosedInTheMiddleOfAFieldNamesItsLine() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3", "e3,\"cat\"x,0.7,0.3");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv", "cannot read the predictions file",
          "Invalid character between encapsulated token and delimiter at line 4");
    }

    @Test
    void aPredictionAfterABlankLineNamesItsPhysicalLine() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3\n", "\n\ne3,cat,0.7,0.3\n")
          .replace("e4,dog,", "e4,fox,");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 7, example e4", "predicted label is not a class", "'fox'");
    }

    @Test
    void scoresForAClassTheGoldenSetDoesNotHave() {
      tiny.candidateFile = "candidate.jsonl";
      tiny.candidatePredictions = """
          {"id": "e1", "prediction": "cat", "scores": {"cat": 0.5, "dog": 0.3, "fox": 0.2}}
          """;

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.jsonl, line 1", "scores for unknown classes");
    }

    @Test
    void aDeployedPredictionMissingForAnAdversarialExample() {
      tiny.deployedPredictions = tiny.deployedPredictions.replace("e1~nudge,cat,0.8,0.2\n", "");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("deployed.csv", "missing predictions", "e1~nudge");
    }
  }
}
