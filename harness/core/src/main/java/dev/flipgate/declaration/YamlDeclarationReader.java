package dev.flipgate.declaration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a YAML declaration (suite or manifest) into a record, refusing unknown keys, and turns
 * every failure into an error that names the file and line.
 */
public final class YamlDeclarationReader {
  // Strict duplicate detection: a key given twice is an error, not "the last one wins" (a second
  // `max` could loosen a rule unseen). Jackson reports it with the key's line.
  // YAML 1.2 words: yes/no/on/off are strings (classes: [no, yes] are two class names), as editors read them.
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private YamlDeclarationReader() {}

  public static <T> T read(Path file, Class<T> type, String whatItIs) {
    return read(file, type, whatItIs, null);
  }

  /**
   * Reads {@code file} after checking it against its published schema (null: none), so that the
   * schema an editor completes and checks the file by is the one the harness enforces.
   */
  public static <T> T read(Path file, Class<T> type, String whatItIs, DeclarationSchema schema) {
    if (!Files.isRegularFile(file)) {
      throw Problem.at(file)
          .expected("a " + whatItIs + " file")
          .found(Files.exists(file) ? "not a regular file" : "no such file")
          .whatToDo("check the path")
          .configurationError("cannot read the " + whatItIs);
    }
    try {
      // Read once: the schema check and the binding see the same text.
      String text = Files.readString(file);
      if (schema != null) {
        JsonNode document = LocatedYaml.read(text, YAML);
        if (document != null && !document.isMissingNode() && !document.isNull()) {
          schema.check(file, document, whatItIs);
        }
      }
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw Problem.at(file).whatToDo("write the " + whatItIs + " (see README.md)")
            .configurationError("the " + whatItIs + " is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      // Jackson reports an unknown key of a record at the end of the enclosing object (records are
      // built once all their keys are read), so the key's own line is looked up in the text.
      throw Problem.at(file).line(KeyLines.lineOf(file, e.getPropertyName()).orElse(lineOf(e)))
          .part("at " + pathOf(e))
          .expected("one of " + e.getKnownPropertyIds())
          .found("'" + e.getPropertyName() + "'")
          .whatToDo("fix the key's spelling or remove it")
          .configurationError("unknown key in the " + whatItIs);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          located(file, e).whatToDo("fix the " + whatItIs + " (see README.md for its format)")
              .says("invalid " + whatItIs + ": " + e.getOriginalMessage()), e);
    } catch (NoSuchFileException e) {
      throw Problem.at(file).whatToDo("check the path").configurationError("no such file");
    } catch (IOException e) {
      throw new ConfigurationException(Problem.at(file).says("cannot read: " + e.getMessage()), e);
    }
  }

  private static int lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** The key's path in the document, e.g. {@code policy.rules[2].slices}. */
  private static String pathOf(JsonMappingException e) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static Problem.Builder located(Path file, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    var builder = Problem.at(file);
    return location != null && location.getLineNr() > 0 ? builder.line(location.getLineNr()) : builder;
  }
}
