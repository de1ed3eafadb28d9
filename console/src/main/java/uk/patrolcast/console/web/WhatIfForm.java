package uk.patrolcast.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi.HttpError;

/**
 * The what-if form of the Allocation page, checked before anything is published: known fields only,
 * numbers in range, with a message naming the field that is wrong. Absent fields keep the current
 * settings (null in the request).
 */
public final class WhatIfForm {
  private static final Set<String> FIELDS = Set.of("originMonth", "budgetHoursPerDayPerLsoa", "budgetScale",
      "minHoursPerDay", "maxHoursPerDay", "blockHours", "wardFloorShare", "officerHoursPerMonth", "maxChangeHours",
      "boroughCaps", "wardCaps");

  private WhatIfForm() {}

  /** A request with a fresh id, or a 422 naming what is wrong. */
  public static WhatIfRequest parse(JsonNode body, String requestedBy) {
    if (!body.isObject()) {
      throw invalid("The what-if must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw invalid("Unknown what-if field '" + f + "'; known fields: " + new java.util.TreeSet<>(FIELDS));
      }
    }
    WhatIfRequest.Builder b = WhatIfRequest.newBuilder()
        .setRequestId("console-" + UUID.randomUUID())
        .setRequestedBy(requestedBy)
        .setRequestedAt(Instant.now());
    String origin = text(body, "originMonth");
    if (origin != null) {
      try {
        Months.parse(origin);
      } catch (IllegalArgumentException e) {
        throw invalid("originMonth: " + e.getMessage());
      }
      b.setOriginMonth(origin);
    }
    b.setBudgetHoursPerDayPerLsoa(number(body, "budgetHoursPerDayPerLsoa", 0, 24, false));
    b.setBudgetScale(number(body, "budgetScale", 0, 10, false));
    Double min = number(body, "minHoursPerDay", 0, 24, true);
    Double max = number(body, "maxHoursPerDay", 0, 24, false);
    if (min != null && max != null && min > max) {
      throw invalid("minHoursPerDay (" + min + ") is above maxHoursPerDay (" + max + ")");
    }
    b.setMinHoursPerDay(min);
    b.setMaxHoursPerDay(max);
    b.setBlockHours(number(body, "blockHours", 0, 24, false));
    b.setWardFloorShare(number(body, "wardFloorShare", 0, 1, true));
    b.setOfficerHoursPerMonth(number(body, "officerHoursPerMonth", 0, 1e9, false));
    b.setMaxChangeHours(number(body, "maxChangeHours", 0, 1e6, true));
    b.setBoroughCaps(caps(body, "boroughCaps"));
    b.setWardCaps(caps(body, "wardCaps"));
    return b.build();
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    if (!n.isTextual()) {
      throw invalid(field + " must be text");
    }
    return n.asText().trim();
  }

  /** A number in (min, max] or, with {@code minIncluded}, [min, max]; null when absent. */
  private static Double number(JsonNode body, String field, double min, double max, boolean minIncluded) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    double v;
    if (n.isNumber()) {
      v = n.asDouble();
    } else if (n.isTextual()) {
      try {
        v = Double.parseDouble(n.asText().trim());
      } catch (NumberFormatException e) {
        throw invalid(field + ": '" + n.asText() + "' is not a number");
      }
    } else {
      throw invalid(field + " must be a number");
    }
    boolean low = minIncluded ? v >= min : v > min;
    if (!Double.isFinite(v) || !low || v > max) {
      throw invalid(field + " must be " + (minIncluded ? "at least " : "above ") + min + " and at most " + max + " (got " + v + ")");
    }
    return v;
  }

  private static Map<String, Double> caps(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || (n.isObject() && n.isEmpty())) {
      return null;
    }
    if (!n.isObject()) {
      throw invalid(field + " must be an object of code: monthly hours");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[EW]\\d{8}")) {
        throw invalid(field + ": '" + e.getKey() + "' is not an ONS area code (e.g. E09000001)");
      }
      if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || !Double.isFinite(e.getValue().asDouble())) {
        throw invalid(field + ": the cap of " + e.getKey() + " must be a number of hours, at least 0");
      }
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  private static HttpError invalid(String message) {
    return new HttpError(422, 42201, message);
  }
}
