package dev.flipgate.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.goldenset.GoldenSetManifest.ExamplesDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.InputDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.SliceDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.WhereDeclaration;
import dev.flipgate.io.AtomicFiles;
import dev.flipgate.io.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds {@code golden-sets/sentiment} from the shared text files: the 3,000 labelled sentences of
 * UCI "Sentiment Labelled Sentences" (amazon, imdb and yelp, 1,000 each) as JSON lines, the label
 * as a class name, the source, length bucket, negation and non-ASCII flags as metadata for
 * slices; the TF-IDF ONNX model into {@code models/}; and the licence texts. The text is copied
 * byte for byte: two imdb sentences hold U+0085, which is why the file is split on {@code \n} only.
 * Run it with {@code ./flipgate curate-sentiment ../shared/data/text golden-sets/sentiment}.
 */
public final class SentimentGoldenSetBuilder {
  static final String EXAMPLES = "examples.jsonl";
  static final String MODEL = "tfidf_lr_rt_polarity.onnx";
  private static final List<String> SOURCES = List.of("amazon", "imdb", "yelp");
  private static final Set<String> LICENCES = Set.of("DATA_LICENSES.txt", "UCI-sentiment-labelled-sentences.readme.txt",
      "AFINN-fnielsen-afinn.LICENSE.Apache-2.0", "VADER-cjhutto-vaderSentiment.LICENSE.txt",
      "npm-sentiment-5.0.2.LICENSE.md", "npm-wink-sentiment-5.0.2.LICENSE", "npm-wink-tokenizer-5.3.0.LICENSE",
      "npm-vader-sentiment-1.1.3.LICENSE", "npm-vader-sentiment-1.1.3.NOTICE", "npm-emoji-regex-9.2.2.LICENSE");

  public void build(Path shared, Path goldenSet) throws IOException {
    writeExamples(shared.resolve("golden.jsonl"), goldenSet.resolve(EXAMPLES));
    Files.createDirectories(goldenSet.resolve("models"));
    AtomicFiles.write(goldenSet.resolve("models").resolve(MODEL), Files.readAllBytes(shared.resolve(MODEL)));
    Files.createDirectories(goldenSet.resolve("licenses"));
    for (String licence : LICENCES) {
      AtomicFiles.write(goldenSet.resolve("licenses").resolve(licence),
          Files.readAllBytes(shared.resolve("licenses").resolve(licence)));
    }
    writeManifest(goldenSet.resolve("manifest.yaml"));
  }

  /** One JSON object a line, in the shared file's order; split on {@code \n} alone, as the text may hold U+0085. */
  private static void writeExamples(Path source, Path target) throws IOException {
    String all = Files.readString(source, StandardCharsets.UTF_8);
    var out = new StringBuilder();
    for (String line : all.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = StrictJson.MAPPER.readTree(line);
      ObjectNode example = StrictJson.MAPPER.createObjectNode();
      example.put("id", row.get("id").textValue());
      example.put("source", row.get("source").textValue());
      example.put("text", row.get("text").textValue());
      example.put("label", row.get("label_name").textValue());
      example.put("length", row.get("length_bucket").textValue());
      example.put("negation", row.get("has_negation").booleanValue() ? "yes" : "no");
      example.put("non_ascii", row.get("has_non_ascii").booleanValue() ? "yes" : "no");
      out.append(StrictJson.MAPPER.writeValueAsString(example)).append('\n');
    }
    AtomicFiles.write(target, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeManifest(Path file) throws IOException {
    List<SliceDeclaration> slices = new ArrayList<>();
    for (String source : SOURCES) {
      slices.add(new SliceDeclaration(source, "sentences from " + description(source),
          new WhereDeclaration("source", source, null, null), null));
    }
    slices.add(new SliceDeclaration("short", "6 words or fewer", new WhereDeclaration("length", "short", null, null), null));
    slices.add(new SliceDeclaration("medium", "7 to 16 words", new WhereDeclaration("length", "medium", null, null), null));
    slices.add(new SliceDeclaration("long", "17 words or more", new WhereDeclaration("length", "long", null, null), null));
    slices.add(new SliceDeclaration("negated", "sentences with a negation (not, no, never, n't, …): where lexicons fail",
        new WhereDeclaration("negation", "yes", null, null), null));
    slices.add(new SliceDeclaration("non-ascii", "sentences with characters outside ASCII (accents, U+0085, …)",
        new WhereDeclaration("non_ascii", "yes", null, null), null));
    var manifest = new GoldenSetManifest("sentiment", "1.0.0",
        "3,000 review sentences (amazon phones, imdb movies, yelp restaurants; 500 positive and 500 negative each) "
            + "from UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015). Built by SentimentGoldenSetBuilder.",
        null, null, List.of("negative", "positive"), "positive",
        new InputDeclaration(null, null, null, "text"),
        new ExamplesDeclaration(EXAMPLES, "id", "label", List.of("source", "length", "negation", "non_ascii"), null, null),
        slices, null, null);
    ManifestWriter.write(file, manifest, "./flipgate curate-sentiment ../shared/data/text golden-sets/sentiment",
        "SentimentGoldenSetBuilder");
  }

  private static String description(String source) {
    return switch (source) {
      case "amazon" -> "amazon phone reviews";
      case "imdb" -> "imdb movie reviews";
      default -> "yelp restaurant reviews";
    };
  }
}
