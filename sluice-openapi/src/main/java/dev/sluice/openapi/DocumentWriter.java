package dev.sluice.openapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;

/** A document of maps, lists and scalars as indented JSON or block YAML, decimals written in full ({@code 1000}, not {@code 1E+3}). */
final class DocumentWriter {
  private DocumentWriter() { }

  static String json(Map<String, Object> document) {
    return write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT), document) + "\n";
  }

  static String yaml(Map<String, Object> document) {
    YAMLFactory yaml = YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .stringQuotingChecker(new YamlQuoting())
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .build();
    return write(new ObjectMapper(yaml), document);
  }

  private static String write(ObjectMapper mapper, Map<String, Object> document) {
    try {
      return mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new OpenApiException("Cannot write the OpenAPI document: " + e.getOriginalMessage(), e);
    }
  }
}
