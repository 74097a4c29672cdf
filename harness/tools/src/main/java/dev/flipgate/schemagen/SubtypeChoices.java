package dev.flipgate.schemagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the generator's {@code anyOf} over Jackson subtypes ({@code type: onnx}, {@code rule:
 * max-metric-drop}, {@code kind: shift}) into a choice by the discriminating key: the key's value must
 * be one of the names, and the object is then checked against that subtype alone. With a plain
 * {@code anyOf}, one misspelt key in an onnx model would be reported against all five model types;
 * with this, an editor and the CLI name the one wrong key of the one type the user chose.
 */
final class SubtypeChoices {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SubtypeChoices() {}

  /** A choice among subtypes: the key that tells them apart, and each name's {@code $ref}. */
  private record Choice(String key, Map<String, String> references) {}

  static void discriminate(ObjectNode root) {
    JsonNode definitions = root.path("$defs");
    rewrite(root, definitions);
  }

  private static void rewrite(JsonNode node, JsonNode definitions) {
    if (node instanceof ObjectNode object) {
      if (object.get("anyOf") instanceof ArrayNode choices) {
        choice(choices, definitions).ifPresent(choice -> replace(object, choice));
      }
      object.elements().forEachRemaining(child -> rewrite(child, definitions));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> rewrite(child, definitions));
    }
  }

  /** The discriminating key and, by its value, each subtype's reference; empty when the choice is not one of subtypes. */
  private static java.util.Optional<Choice> choice(ArrayNode choices, JsonNode definitions) {
    String key = null;
    Map<String, String> references = new LinkedHashMap<>();
    for (JsonNode choice : choices) {
      String reference = choice.path("$ref").asText("");
      JsonNode definition = definitions.path(reference.replace("#/$defs/", ""));
      if (!reference.startsWith("#/$defs/") || definition.isMissingNode()) {
        return java.util.Optional.empty();
      }
      String constant = null;
      for (var property : definition.path("properties").properties()) {
        if (property.getValue().has("const")) {
          constant = property.getKey();
          references.put(property.getValue().get("const").asText(), reference);
        }
      }
      if (constant == null || (key != null && !key.equals(constant))) {
        return java.util.Optional.empty();
      }
      key = constant;
    }
    return key == null ? java.util.Optional.empty() : java.util.Optional.of(new Choice(key, references));
  }

  private static void replace(ObjectNode object, Choice choice) {
    String key = choice.key();
    object.remove("anyOf");
    object.put("type", "object");
    ArrayNode names = NODES.arrayNode();
    choice.references().keySet().forEach(names::add);
    object.putObject("properties").putObject(key).set("enum", names);
    object.putArray("required").add(key);
    List<JsonNode> cases = new ArrayList<>();
    choice.references().forEach((name, reference) -> {
      ObjectNode branch = NODES.objectNode();
      ObjectNode condition = branch.putObject("if");
      condition.putObject("properties").putObject(key).put("const", name);
      condition.putArray("required").add(key);
      branch.putObject("then").put("$ref", reference);
      cases.add(branch);
    });
    object.putArray("allOf").addAll(cases);
  }
}
