package uk.patrolcast.schemas.registry;

import java.util.Arrays;
import java.util.Locale;

/** Compatibility levels of the Confluent Schema Registry API, with the direction each one checks. */
public enum Compatibility {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** New schema must read data written with the old ones. */
  public final boolean backward;
  /** Old schemas must read data written with the new one. */
  public final boolean forward;
  /** Checked against every earlier version rather than the latest only. */
  public final boolean transitive;

  Compatibility(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  public static Compatibility parse(String level) {
    if (level == null) {
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, "Compatibility level is missing.");
    }
    try {
      return valueOf(level.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level '" + level + "': expected one of " + Arrays.toString(values()));
    }
  }
}
