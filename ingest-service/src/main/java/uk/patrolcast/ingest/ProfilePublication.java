package uk.patrolcast.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Brings {@code reference.lsoa.v1} to the profiles just built: publishes the ones that differ from
 * what the topic holds and retracts areas that left the universe, in one transaction; publishes
 * nothing when the topic is already current (a restart does not churn the reference topic).
 */
final class ProfilePublication {
  private static final Logger log = LoggerFactory.getLogger(ProfilePublication.class);

  private ProfilePublication() {}

  /** @return how many profiles were (re)published */
  static int publish(String bootstrapServers, SchemaRegistry registry, SourcePublisher publisher, List<LsoaProfile> profiles) {
    Map<String, LsoaProfile> existing = TopicReader.latest(bootstrapServers, registry, Topics.LSOA_PROFILES);
    List<LsoaProfile> changed = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (LsoaProfile p : profiles) {
      codes.add(p.getLsoa21cd());
      if (!p.equals(existing.get(p.getLsoa21cd()))) {
        changed.add(p);
      }
    }
    List<String> removed = existing.keySet().stream().filter(c -> !codes.contains(c)).sorted().toList();
    if (!changed.isEmpty() || !removed.isEmpty()) {
      publisher.publishProfiles(changed, removed);
    }
    log.info("LSOA profiles: {} published, {} retracted, {} already current", changed.size(), removed.size(),
        profiles.size() - changed.size());
    return changed.size();
  }
}
