package uk.patrolcast.allocator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.patrolcast.events.WhatIfRequest;

/**
 * A what-if request from a JSON body with the fields of {@link WhatIfRequest} (all optional over
 * HTTP; {@code requestId} defaults to a fresh one). Unknown fields and wrong types are refused with
 * a message naming them, so a typo is not silently ignored.
 */
public final class WhatIfJson {
  private static final Set<String> FIELDS = Set.of("requestId", "originMonth", "budgetHoursPerDayPerLsoa", "budgetScale",
      "minHoursPerDay", "maxHoursPerDay", "blockHours", "wardFloorShare", "officerHoursPerMonth", "maxChangeHours",
      "boroughCaps", "wardCaps", "requestedBy", "requestedAt");

  private WhatIfJson() {}

  /**
   * @param defaultRequestId the id when the body has none
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static WhatIfRequest parse(JsonNode body, String defaultRequestId, Instant now) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("the what-if request must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; the fields are " + new java.util.TreeSet<>(FIELDS));
      }
    }
    String requestId = text(body, "requestId");
    return WhatIfRequest.newBuilder()
        .setRequestId(requestId == null || requestId.isBlank() ? defaultRequestId : requestId)
        .setOriginMonth(text(body, "originMonth"))
        .setBudgetHoursPerDayPerLsoa(number(body, "budgetHoursPerDayPerLsoa"))
        .setBudgetScale(number(body, "budgetScale"))
        .setMinHoursPerDay(number(body, "minHoursPerDay"))
        .setMaxHoursPerDay(number(body, "maxHoursPerDay"))
        .setBlockHours(number(body, "blockHours"))
        .setWardFloorShare(number(body, "wardFloorShare"))
        .setOfficerHoursPerMonth(number(body, "officerHoursPerMonth"))
        .setMaxChangeHours(number(body, "maxChangeHours"))
        .setBoroughCaps(caps(body, "boroughCaps"))
        .setWardCaps(caps(body, "wardCaps"))
        .setRequestedBy(text(body, "requestedBy"))
        .setRequestedAt(instant(body, now))
        .build();
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, not " + v);
    }
    return v.asText();
  }

  private static Double number(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be a number, not " + v);
    }
    return v.asDouble();
  }

  private static Map<String, Double> caps(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException("field '" + field + "' must be an object of code: hours");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isNumber()) {
        throw new IllegalArgumentException(field + "." + e.getKey() + " must be a number of hours, not " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asDouble());
    });
    return out;
  }

  private static Instant instant(JsonNode body, Instant now) {
    String text = text(body, "requestedAt");
    if (text == null) {
      return now;
    }
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("field 'requestedAt' must be an ISO-8601 instant like 2024-03-01T10:00:00Z, not " + text);
    }
  }
}
