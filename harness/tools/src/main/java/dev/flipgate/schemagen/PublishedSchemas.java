package dev.flipgate.schemagen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.flipgate.declaration.DeclarationSchema;
import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.report.result.ResultDocument;
import dev.flipgate.suite.SuiteFile;
import dev.flipgate.suite.WaiversFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schemas of every file a user writes (suite, manifest, waivers) and of result.json,
 * generated from the records Jackson binds those files to, so the schema says exactly what the
 * code reads. Written to {@code schemas/} by {@code ./flipgate write-schemas}; a test fails when the
 * committed files differ from what this generates, and the CLI validates against the same files.
 */
public final class PublishedSchemas {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PublishedSchemas() {}

  /** File name → schema text, in a stable order. */
  public static Map<String, String> generate() {
    var schemas = new LinkedHashMap<String, String>();
    schemas.put("suite.schema.json", text("suite.schema.json", SuiteFile.class, "Flipgate suite",
        "A suite (suite.yaml): the golden set, the deployed and candidate models, and the gate policy."));
    schemas.put("manifest.schema.json", text("manifest.schema.json", GoldenSetManifest.class, "Flipgate golden-set manifest",
        "A golden set's manifest (manifest.yaml): its examples file, input columns, slices and adversarial examples."));
    schemas.put("waivers.schema.json", text("waivers.schema.json", WaiversFile.class, "Flipgate waivers",
        "Accepted regressions (waivers.yaml beside a suite), each with an owner, a ticket and an expiry."));
    schemas.put("result.schema.json", text("result.schema.json", ResultDocument.class, "Flipgate result",
        "A gate run's machine-readable result (result.json): the verdict, its reasons and every number behind them."));
    return schemas;
  }

  private static String text(String file, Class<?> type, String title, String description) {
    // result.json is written by Jackson, which writes an absent value as null unless a field says
    // otherwise; the files users write may leave a key out but never need to write null.
    ObjectNode schema = generator(type == ResultDocument.class).generateSchema(type);
    var ordered = JSON.createObjectNode();
    ordered.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    ordered.put("$id", DeclarationSchema.BASE + file);
    ordered.put("title", title);
    ordered.put("description", description);
    schema.remove("$schema");
    ordered.setAll(schema);
    SubtypeChoices.discriminate(ordered);
    if (type != ResultDocument.class) {
      ScalarText.widen(ordered);
    }
    try {
      return JSON.writeValueAsString(ordered).replace("\r\n", "\n") + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SchemaGenerator generator(boolean nullable) {
    var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.INLINE_TRANSFORMED_SUBTYPES))
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
        .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
        .with(Option.PLAIN_DEFINITION_KEYS);
    if (nullable) {
      config.with(Option.NULLABLE_FIELDS_BY_DEFAULT);
    }
    return new SchemaGenerator(config.build());
  }
}
