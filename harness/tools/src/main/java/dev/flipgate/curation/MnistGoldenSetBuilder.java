package dev.flipgate.curation;

import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.goldenset.GoldenSetManifest.AdversarialDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.ColumnsDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.CriticalDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.ExamplesDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.InputDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.PerturbationDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.RangeDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.SliceDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.WhereDeclaration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Builds {@code golden-sets/mnist} from the raw MNIST test files: all 10,000 images as
 * examples with curated metadata, tags and slices, adversarial examples made by seeded
 * perturbations of real test images, and critical examples. Everything is deterministic: the
 * same raw files and seed give byte-identical output. Run it with
 * {@code ./flipgate curate-mnist golden-sets/mnist/raw golden-sets/mnist}.
 */
public final class MnistGoldenSetBuilder {
  public static final long DEFAULT_SEED = 20_261_127L;
  static final int ADVERSARIAL_SOURCES_PER_DIGIT = 50;
  static final int CRITICAL_PER_DIGIT = 2;
  /** Digit pairs that people and models commonly confuse in MNIST. */
  static final List<int[]> CONFUSED_PAIRS = List.of(new int[] {4, 9}, new int[] {3, 5}, new int[] {7, 9}, new int[] {3, 8});

  private final long seed;

  public MnistGoldenSetBuilder(long seed) {
    this.seed = seed;
  }

  public void build(Path rawDirectory, Path goldenSetDirectory) throws IOException {
    List<DigitImage> images = readImages(rawDirectory);
    TemplateConfusion confusion = new TemplateConfusion(images);
    List<MnistRow> rows = images.stream().map(image -> MnistRow.of(image, confusion.nearestClass(image))).toList();
    double faint = quantile(rows, MnistRow::ink, 0.10);
    double heavy = quantile(rows, MnistRow::ink, 0.90);
    double offCentre = quantile(rows, MnistRow::offset, 0.95);
    List<AdversarialRow> adversarial = adversarial(images);
    var writer = new MnistGoldenSetWriter(goldenSetDirectory);
    writer.writeExamples(rows);
    writer.writeAdversarial(adversarial);
    writer.writeManifest(manifest(faint, heavy, offCentre, criticalIds(rows)));
  }

  private static List<DigitImage> readImages(Path rawDirectory) throws IOException {
    IdxFile images = IdxFile.read(rawDirectory.resolve("t10k-images-idx3-ubyte.gz"), 0x00000803);
    IdxFile labels = IdxFile.read(rawDirectory.resolve("t10k-labels-idx1-ubyte.gz"), 0x00000801);
    int pixels = images.dimensions()[1] * images.dimensions()[2];
    return IntStream.range(0, labels.dimensions()[0]).mapToObj(i -> new DigitImage(
        MnistRow.idOf(i), labels.unsigned(i),
        IntStream.range(0, pixels).map(p -> images.unsigned(i * pixels + p)).toArray())).toList();
  }

  /** The value at rank ⌊q·(n−1)⌋, rounded to the two decimals the data file holds. */
  private static double quantile(List<MnistRow> rows, ToDoubleFunction<MnistRow> measure, double q) {
    double[] sorted = rows.stream().mapToDouble(measure).sorted().toArray();
    return Double.parseDouble(String.format(Locale.ROOT, "%.2f", sorted[(int) Math.floor(q * (sorted.length - 1))]));
  }

  /** Per digit, a seeded sample of source images; each source gets every perturbation. */
  private List<AdversarialRow> adversarial(List<DigitImage> images) {
    Random random = new Random(seed);
    List<AdversarialRow> rows = new ArrayList<>();
    for (int digit = 0; digit < 10; digit++) {
      final int d = digit;
      List<DigitImage> ofDigit = new ArrayList<>(images.stream().filter(i -> i.label() == d).toList());
      Collections.shuffle(ofDigit, random);
      List<DigitImage> sources = new ArrayList<>(ofDigit.subList(0, ADVERSARIAL_SOURCES_PER_DIGIT));
      sources.sort(Comparator.comparing(DigitImage::id));
      for (DigitImage source : sources) {
        rows.add(new AdversarialRow(source.id(), "single-pixel", "invariant", Perturbations.singlePixel(source.pixels(), random)));
        rows.add(new AdversarialRow(source.id(), "shift-2px", "true-label", Perturbations.shift(source.pixels(), random)));
        rows.add(new AdversarialRow(source.id(), "gaussian-noise", "true-label",
            Perturbations.gaussianNoise(source.pixels(), random)));
      }
    }
    rows.sort(Comparator.comparing(AdversarialRow::id));
    return rows;
  }

  /** Per digit, the images whose ink is nearest the digit's median: typical, cleanly written ones. */
  private static List<String> criticalIds(List<MnistRow> rows) {
    List<String> ids = new ArrayList<>();
    for (int digit = 0; digit < 10; digit++) {
      final String label = String.valueOf(digit);
      List<MnistRow> ofDigit = rows.stream().filter(r -> r.label().equals(label))
          .sorted(Comparator.comparingDouble(MnistRow::ink)).toList();
      double median = ofDigit.get(ofDigit.size() / 2).ink();
      ofDigit.stream()
          .sorted(Comparator.comparingDouble((MnistRow r) -> Math.abs(r.ink() - median)).thenComparing(MnistRow::id))
          .limit(CRITICAL_PER_DIGIT).map(MnistRow::id).sorted().forEach(ids::add);
    }
    return ids;
  }

  private GoldenSetManifest manifest(double faint, double heavy, double offCentre, List<String> critical) {
    List<SliceDeclaration> slices = new ArrayList<>();
    for (int digit = 0; digit < 10; digit++) {
      slices.add(new SliceDeclaration("digit-" + digit, "images of the digit " + digit,
          new WhereDeclaration("label", String.valueOf(digit), null, null), null));
    }
    slices.add(new SliceDeclaration("faint-strokes", "the faintest tenth: ink mass below " + faint,
        new WhereDeclaration("ink", null, null, new RangeDeclaration(null, faint)), null));
    slices.add(new SliceDeclaration("heavy-strokes", "the heaviest tenth: ink mass of " + heavy + " or more",
        new WhereDeclaration("ink", null, null, new RangeDeclaration(heavy, null)), null));
    slices.add(new SliceDeclaration("off-centre", "the 5% whose centre of mass is furthest from the image centre ("
        + offCentre + " px or more)", new WhereDeclaration("offset", null, null, new RangeDeclaration(offCentre, null)), null));
    slices.add(new SliceDeclaration("confusable", "images nearer another digit's mean image than their own", null,
        MnistRow.CONFUSABLE));
    for (int[] pair : CONFUSED_PAIRS) {
      String name = MnistRow.pairTag(pair[0], pair[1]);
      slices.add(new SliceDeclaration(name, "images of " + pair[0] + " that look like " + pair[1] + ", or the reverse", null, name));
      slices.add(new SliceDeclaration("digits-" + pair[0] + "-and-" + pair[1],
          "every image of " + pair[0] + " or " + pair[1] + ", a commonly confused pair",
          new WhereDeclaration("label", null, List.of(String.valueOf(pair[0]), String.valueOf(pair[1])), null), null));
    }
    return new GoldenSetManifest("mnist", "1.0.0",
        "The 10,000 MNIST test images with curated slices, seeded adversarial examples and critical examples. "
            + "Built by MnistGoldenSetBuilder with seed " + seed + ".",
        null, null,
        IntStream.range(0, 10).mapToObj(String::valueOf).toList(),
        null,
        new InputDeclaration(new ColumnsDeclaration(null, "px", 784), List.of(28, 28, 1), "HWC"),
        new ExamplesDeclaration(MnistGoldenSetWriter.EXAMPLES, "id", "label", List.of("ink", "offset"), "tags", null),
        slices,
        new AdversarialDeclaration(MnistGoldenSetWriter.ADVERSARIAL, List.of(
            new PerturbationDeclaration("single-pixel", "one pixel of the central 20×20 area inverted; the answer must not change"),
            new PerturbationDeclaration("shift-2px", "the image moved 2 pixels up, down, left or right; the digit must still be read"),
            new PerturbationDeclaration("gaussian-noise",
                "Gaussian noise with σ = 32 intensity levels added to every pixel; the digit must still be read"))),
        new CriticalDeclaration(
            "typical, cleanly written images of each digit (ink mass nearest the digit's median): a model that misreads these is visibly broken",
            critical));
  }
}
