package uk.patrolcast.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that Patrolcast uses. Implemented over HTTP by
 * {@link SchemaRegistryClient} (Confluent, Apicurio's ccompat API, Karapace, our development registry)
 * and in-process by {@link InMemorySchemaRegistry}. Failures are {@link SchemaRegistryException}s.
 */
public interface SchemaRegistry {

  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** Finds the schema among the subject's versions, without registering it. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The schema with this global id. */
  Schema schemaById(int id);

  /** Every subject, sorted. */
  List<String> subjects();

  /** Versions of a subject, ascending. */
  List<Integer> versions(String subject);

  /** One version of a subject. */
  RegisteredSchema version(String subject, int version);

  /** The newest version of a subject. */
  RegisteredSchema latest(String subject);

  /**
   * Whether the schema could be registered under the subject given its compatibility level.
   *
   * @param version a version number, or {@code "latest"}; checked against the subject's level
   */
  boolean isCompatible(String subject, Schema schema, String version);

  /** Compatibility level of the subject, or the global one when {@code subject} is null. */
  Compatibility compatibility(String subject);

  /** Sets the subject's compatibility level, or the global one when {@code subject} is null. */
  void setCompatibility(String subject, Compatibility level);

  /** Deletes a subject (soft delete) and returns the versions it had. */
  List<Integer> deleteSubject(String subject);
}
