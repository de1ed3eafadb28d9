package uk.patrolcast.schemas.registry;

/**
 * A change to a registry's state. {@link InMemorySchemaRegistry} emits one per change and can replay
 * them, which is how the development registry keeps its state in a compacted Kafka topic.
 */
public sealed interface RegistryEvent {

  /** A new version of a subject. */
  record SchemaRegistered(String subject, int version, int id, String schema) implements RegistryEvent {}

  /** A compatibility level set for a subject, or globally when {@code subject} is null. */
  record CompatibilitySet(String subject, String level) implements RegistryEvent {}

  /** A subject deleted (soft: its ids stay resolvable). */
  record SubjectDeleted(String subject) implements RegistryEvent {}
}
