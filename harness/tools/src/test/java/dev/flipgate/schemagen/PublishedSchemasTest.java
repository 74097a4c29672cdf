package dev.flipgate.schemagen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flipgate.declaration.DeclarationSchema;
import dev.flipgate.declaration.LocatedYaml;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas in {@code schemas/} are what the code generates today, and every file the repository
 * ships for users to copy names its schema for editors and keeps to it.
 */
class PublishedSchemasTest {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());

  @Test
  void theCommittedSchemasAreTheOnesTheCodeGenerates() throws IOException {
    Path schemas = RepositoryPaths.root().resolve("schemas");
    for (var generated : PublishedSchemas.generate().entrySet()) {
      Path committed = schemas.resolve(generated.getKey());
      assertThat(committed).as("schemas/%s is published", generated.getKey()).exists();
      assertThat(Files.readString(committed))
          .as("schemas/%s is out of date with the records it describes: run ./flipgate write-schemas and commit it",
              generated.getKey())
          .isEqualTo(generated.getValue());
    }
    try (Stream<Path> files = Files.list(schemas)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("schemas/ holds only generated schemas").containsExactlyInAnyOrderElementsOf(PublishedSchemas.generate().keySet());
    }
  }

  @Test
  void aGeneratedSchemaRefusesAnUnknownKeyAndAcceptsAMinimalSuite() throws IOException {
    String minimal = """
        name: s
        goldenSet: set
        deployed: { type: predictions, name: a, file: a.csv }
        candidates: { b: { type: predictions, name: b, file: b.csv } }
        policy: { rules: [ { rule: max-negative-flip-rate, slices: [all], max: 0.01 } ] }
        """;
    assertThat(DeclarationSchema.SUITE.breaks(LocatedYaml.read(minimal, YAML))).isEmpty();
    assertThat(DeclarationSchema.SUITE.breaks(LocatedYaml.read(minimal + "colour: blue\n", YAML)))
        .extracting(error -> error.getProperty()).containsExactly("colour");
    assertThat(DeclarationSchema.SUITE.breaks(LocatedYaml.read(minimal.replace("file: b.csv", "file: b.csv, url: x"), YAML)))
        .extracting(error -> error.getProperty()).containsExactly("url");
  }

  static List<Object[]> bundledFiles() {
    return List.of(
        new Object[] {"golden-sets/mnist/suite.yaml", DeclarationSchema.SUITE},
        new Object[] {"golden-sets/mnist/manifest.yaml", DeclarationSchema.MANIFEST},
        new Object[] {"golden-sets/breast-cancer/suite.yaml", DeclarationSchema.SUITE},
        new Object[] {"golden-sets/breast-cancer/manifest.yaml", DeclarationSchema.MANIFEST},
        new Object[] {"examples/predictions-model-repo/flipgate/suite.yaml", DeclarationSchema.SUITE});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledFiles")
  void everyBundledFileNamesItsSchemaForEditorsAndKeepsToIt(String relative, DeclarationSchema schema) throws IOException {
    Path file = RepositoryPaths.root().resolve(relative);
    String text = Files.readString(file);
    String first = text.lines().findFirst().orElseThrow();

    assertThat(first).startsWith("# yaml-language-server: $schema=");
    Path named = file.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
    assertThat(named).isEqualTo(RepositoryPaths.root().resolve("schemas").resolve(schema.file()));
    assertThat(schema.breaks(LocatedYaml.read(text, YAML))).isEmpty();
  }
}
