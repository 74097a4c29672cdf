package dev.flipgate.perturbation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The generators, over random parameters, inputs and seeds: the same seed gives the same input;
 * clipped into the declared range, every value stays in it; a zero jitter changes nothing; and an
 * image change keeps the image's size.
 */
class PerturbationProperties {
  private static final Inputs IMAGE = new Inputs(new InputLayout(new int[] {12, 10, 1}, InputLayout.Order.HWC),
      java.util.stream.IntStream.range(0, 120).mapToObj(i -> "px" + i).toList());
  private static final Inputs FEATURES = new Inputs(new InputLayout(new int[] {4}, InputLayout.Order.FLAT),
      List.of("a", "b", "c", "d"));
  private static final double[] RANGE = {0, 255};

  @Property(tries = 300)
  void theSameSeedGivesTheSameInput(@ForAll("imageChanges") NumericPerturbation change, @ForAll("images") float[] image,
      @ForAll long seed) {
    change.validate(IMAGE, Problem.at("test"));

    assertThat(change.apply(image, IMAGE, new SplittableRandom(seed)))
        .containsExactly(change.apply(image, IMAGE, new SplittableRandom(seed)));
  }

  @Property(tries = 300)
  void everyClippedValueStaysInTheDeclaredRange(@ForAll("imageChanges") NumericPerturbation change, @ForAll("images") float[] image,
      @ForAll long seed) {
    float[] changed = change.apply(image, IMAGE, new SplittableRandom(seed));
    GeneratedPerturbations.clip(changed, RANGE);

    assertThat(changed).hasSize(image.length);
    for (float value : changed) {
      assertThat((double) value).isBetween(RANGE[0], RANGE[1]);
    }
  }

  @Property(tries = 200)
  void featureChangesAreRepeatableAndTouchOnlyTheirFeatures(@ForAll("featureChanges") NumericPerturbation change,
      @ForAll("rows") float[] row, @ForAll long seed) {
    change.validate(FEATURES, Problem.at("test"));
    float[] changed = change.apply(row, FEATURES, new SplittableRandom(seed));

    assertThat(changed).containsExactly(change.apply(row, FEATURES, new SplittableRandom(seed)));
    assertThat(changed[3]).as("d is never named").isEqualTo(row[3]);
  }

  @Property(tries = 200)
  void aJitterOfZeroChangesNothing(@ForAll("rows") float[] row, @ForAll long seed, @ForAll boolean relative) {
    var none = relative ? new FeatureJitter(List.of("a", "b", "c"), null, 0.0) : new FeatureJitter(List.of("a", "b", "c"), 0.0, null);

    assertThat(none.apply(row, FEATURES, new SplittableRandom(seed))).containsExactly(row);
  }

  @Property(tries = 200)
  void aJitterStaysWithinItsTolerance(@ForAll("rows") float[] row, @ForAll long seed) {
    float[] changed = new FeatureJitter(List.of("a", "b", "c"), null, 0.01).apply(row, FEATURES, new SplittableRandom(seed));

    for (int i = 0; i < 3; i++) {
      assertThat((double) Math.abs(changed[i] - row[i])).isLessThanOrEqualTo(Math.abs(row[i]) * 0.01 + 1e-3);
    }
  }

  @Provide
  Arbitrary<NumericPerturbation> imageChanges() {
    Arbitrary<Double> fill = Arbitraries.of(0.0, 255.0);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(1, 9), fill).as(Shift::new),
        Combinators.combine(Arbitraries.doubles().between(0.1, 180), fill).as(Rotation::new),
        Arbitraries.doubles().between(0, 80).map(GaussianNoise::new),
        Combinators.combine(Arbitraries.doubles().between(1, 80), Arbitraries.doubles().between(0, 0.99))
            .as((b, c) -> new BrightnessContrast(b, c, 127.5)),
        Combinators.combine(Arbitraries.integers().between(1, 10), fill).as(Occlusion::new));
  }

  @Provide
  Arbitrary<NumericPerturbation> featureChanges() {
    Arbitrary<List<String>> named = Arbitraries.of("a", "b", "c").list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    return Arbitraries.oneOf(
        Combinators.combine(named, Arbitraries.doubles().between(0, 5)).as((f, a) -> new FeatureJitter(f, a, null)),
        Combinators.combine(named, Arbitraries.doubles().between(-0.5, 0.5).filter(b -> b != 0))
            .as((f, b) -> new FeatureStep(f, b, true)),
        Combinators.combine(named, Arbitraries.doubles().between(-10, 10)).as(MissingValue::new));
  }

  @Provide
  Arbitrary<float[]> images() {
    return Arbitraries.floats().between(0, 255).array(float[].class).ofSize(120);
  }

  @Provide
  Arbitrary<float[]> rows() {
    return Arbitraries.floats().between(-1000, 1000).array(float[].class).ofSize(4);
  }
}
