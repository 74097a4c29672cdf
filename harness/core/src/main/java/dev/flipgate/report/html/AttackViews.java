package dev.flipgate.report.html;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's attack section: each attack's success on both models per slice, and a card for
 * every example the attack fooled only the candidate on — the source, the input the attack found,
 * and what changed, with both models' answers.
 */
record AttackViews(List<Row> rows, List<AttackCard> cards) {

  record Row(String attack, String description, String slice, long n, long deployedFooled, long candidateFooled,
      String change, String interval, boolean worse) {}

  record AttackCard(String attack, String id, String label, ExampleView source, ExampleView attacked, ExampleView difference,
      String deployed, String candidate, String queries) {}

  static AttackViews of(ResultDocument result, Optional<GoldenSet> goldenSet) {
    List<Row> rows = new ArrayList<>();
    List<AttackCard> cards = new ArrayList<>();
    Optional<ExampleViews> views = goldenSet.map(g -> new ExampleViews(g.inputLayout(), g.inputColumns(), g.displayColumn()));
    for (ResultDocument.AttackResult attack : result.attacks()) {
      for (ResultDocument.AttackSlice s : attack.slices()) {
        rows.add(new Row(attack.name(), attack.description(), s.slice(), s.n(), s.deployedFooled(), s.candidateFooled(),
            ReportNumbers.change("robustness", s.successIncrease()),
            s.ci() == null ? "" : ReportNumbers.changeInterval("robustness", s.ci()).strip(),
            s.successIncrease() != null && s.successIncrease() > 0));
      }
      for (ResultDocument.AttackedExample example : attack.examples()) {
        if (!example.candidate().fooled() || example.deployed().fooled()) {
          continue;
        }
        var source = goldenSet.map(g -> g.table().input(g.table().ids().rowOf(example.id())));
        var attacked = source.map(input -> changed(input, example.candidate().change()));
        cards.add(new AttackCard(attack.name(), example.id(), example.label(),
            view(views, source), view(views, attacked),
            views.flatMap(v -> attacked.flatMap(a -> v.difference(a, source.get()))).orElse(new ExampleView.Missing()),
            "deployed " + example.deployed().answer() + " " + ReportNumbers.percent(example.deployed().confidence())
                + " (not fooled in " + example.deployed().queries() + " queries)",
            "candidate " + example.candidate().answer() + " " + ReportNumbers.percent(example.candidate().confidence()),
            "found in " + example.candidate().queries() + " queries, " + example.candidate().change().size() + " value(s) changed"));
      }
    }
    return new AttackViews(rows, cards);
  }

  private static ExampleView view(Optional<ExampleViews> views, Optional<InputTensor> input) {
    return views.flatMap(v -> input.map(i -> v.of(i, null))).orElse(new ExampleView.Missing());
  }

  /** The source with the attack's change applied: {index, from, to} triples. */
  private static InputTensor changed(InputTensor source, List<double[]> change) {
    float[] values = source.toArray();
    for (double[] c : change) {
      values[(int) c[0]] = (float) c[2];
    }
    return new InputTensor(values, source.shape());
  }
}
