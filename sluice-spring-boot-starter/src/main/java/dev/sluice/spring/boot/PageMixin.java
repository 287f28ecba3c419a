package dev.sluice.spring.boot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Jackson annotations for {@link dev.sluice.query.Page}: its record components plus the derived
 * {@code totalPages} and {@code hasNext}, written (and ignored when read back).
 *
 * <pre>{"items":[...],"page":0,"size":20,"total":45,"totalPages":3,"hasNext":true}</pre>
 */
@JsonPropertyOrder({"items", "page", "size", "total", "totalPages", "hasNext"})
@JsonIgnoreProperties(value = {"totalPages", "hasNext"}, allowGetters = true)
abstract class PageMixin {
  @JsonProperty("totalPages") abstract int totalPages();

  @JsonProperty("hasNext") abstract boolean hasNext();
}
