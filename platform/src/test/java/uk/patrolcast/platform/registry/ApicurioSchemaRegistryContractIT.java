package uk.patrolcast.platform.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The registry contract against an independent registry: Apicurio Registry 2.1.5 through its
 * Confluent-compatible API. `.ci/run` builds and starts it and passes {@code -Dapicurio.url=...};
 * without that URL the tests are skipped.
 */
class ApicurioSchemaRegistryContractIT extends SchemaRegistryContract {
  static String url;

  @BeforeAll
  static void needsApicurio() {
    url = System.getProperty("apicurio.url", "");
    assumeTrue(!url.isBlank(), "apicurio.url not given: start Apicurio (see .ci/run) and pass -Dapicurio.url=http://127.0.0.1:PORT/apis/ccompat/v6");
  }

  @Override
  String registryUrl() {
    return url;
  }
}
