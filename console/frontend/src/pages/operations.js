// Operations: how far each stage has got, the topics with their offsets and throughput, consumer
// lag per service, schema subjects, service health and the latest rejected records.
import { get } from '../api.js';
import { h, clear, section, fmt } from '../dom.js';
import { dataTable } from '../table.js';

function monthsBetween(a, b) {
  if (!a || !b) return null;
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

export async function mount(root) {
  const box = h('div');
  clear(root, h('h2', 'Operations'), box);

  async function load() {
    const o = await get('/api/ops');
    const w = o.watermarks || {};
    const stages = ['ingested', 'featured', 'forecast', 'allocated'];
    const strip = h('div.stages', { 'data-test': 'stages' }, stages.map((s, i) => {
      const behind = i === 0 ? null : monthsBetween(w[s], w.ingested);
      return h('div.stage', h('div.card-title', s), h('div.card-value', { 'data-test': 'stage-' + s }, w[s] || '–'),
        h('div.card-note', i === 0 ? 'latest month closed' : behind == null ? 'nothing yet' : behind === 0 ? 'up to date' : `${behind} month(s) behind ingest`));
    }));
    const feed = o.feed || {};
    const topics = (o.topics || []).map((t) => ({ ...t, perPartition: (t.endOffsets || []).join(' · ') }));
    const groups = (o.groups || []).map((g) => ({ ...g, byTopic: Object.entries(g.lagByTopic || {}).map(([k, v]) => `${k}: ${fmt(v)}`).join(', ') }));
    const subjects = ((o.schemas || {}).subjects || []).map((s) => ({ ...s, versionList: (s.versions || []).join(', ') }));
    const health = (o.health || []).map((x) => ({ ...x, state: x.up ? 'UP' : 'DOWN', detail: x.error || (x.body && x.body.status) || '' }));
    health.unshift({ name: 'console (this process)', url: location.origin + '/health/ready', state: feed.caughtUp ? 'UP' : 'CATCHING UP', status: '',
      millis: null, detail: `${fmt(feed.records)} records read, ${fmt(feed.unreadable)} unreadable, ${fmt(feed.recordsBehind)} behind` });
    const rejected = o.rejected || { byReason: {}, recent: [] };
    box.replaceChildren(
      section('Pipeline watermarks', strip),
      section('Topics', o.topicsError ? h('div.error', o.topicsError) : null,
        dataTable([{ key: 'topic', label: 'Topic' }, { key: 'value', label: 'Value' }, { key: 'partitions', label: 'Partitions', num: true, digits: 0 },
          { key: 'endOffsetTotal', label: 'End offsets (sum)', num: true, digits: 0 }, { key: 'perPartition', label: 'Per partition' },
          { key: 'retained', label: 'Retained', num: true, digits: 0 }, { key: 'recordsPerSecond', label: 'Records/s (1 min)', num: true, digits: 1 },
          { key: 'policy', label: 'Policy' }], topics, { test: 'topics-table' })),
      section('Consumer groups (lag per service)', o.groupsError ? h('div.error', o.groupsError) : null,
        groups.length ? dataTable([{ key: 'group', label: 'Group' }, { key: 'state', label: 'State' }, { key: 'members', label: 'Members', num: true, digits: 0 },
          { key: 'lag', label: 'Lag', num: true, digits: 0 }, { key: 'byTopic', label: 'Lag by topic' }], groups, { test: 'groups-table' })
          : h('p.muted', { 'data-test': 'groups-table' }, 'No consumer groups: the services are not running on this cluster, or they read without groups.')),
      section('Schema subjects', (o.schemas || {}).error ? h('div.error', o.schemas.error) : null,
        dataTable([{ key: 'subject', label: 'Subject' }, { key: 'versionList', label: 'Versions' }, { key: 'latestVersion', label: 'Latest', num: true, digits: 0 },
          { key: 'latestId', label: 'Schema id', num: true, digits: 0 }, { key: 'type', label: 'Type' }], subjects, { test: 'schemas-table' })),
      section('Service health', dataTable([{ key: 'name', label: 'Service' }, { key: 'state', label: 'State' }, { key: 'status', label: 'HTTP' },
        { key: 'millis', label: 'ms', num: true, digits: 0 }, { key: 'detail', label: 'Detail' }, { key: 'url', label: 'URL' }], health, { test: 'health-table' })),
      section(`Rejected records (${fmt(rejected.total)} read)`,
        h('p', Object.entries(rejected.byReason).map(([k, v]) => h('span.chip', `${k}: ${fmt(v)}`))),
        dataTable([{ key: 'rejectedAt', label: 'When' }, { key: 'source', label: 'Source' }, { key: 'line', label: 'Line', num: true, digits: 0 },
          { key: 'reason', label: 'Reason' }, { key: 'message', label: 'Message' }], rejected.recent, { test: 'rejected-table' })),
      section('Months closed (latest 24)', dataTable([{ key: 'month', label: 'Month' }, { key: 'revision', label: 'Revision', num: true, digits: 0 },
        { key: 'records', label: 'Records', num: true, digits: 0 }, { key: 'rejected', label: 'Rejected', num: true, digits: 0 },
        { key: 'sources', label: 'Sources', num: true, digits: 0 }, { key: 'closedAt', label: 'Closed at' }], (o.closedMonths || []).slice().reverse(), { test: 'months-table' })),
      h('p.muted', `Refreshed ${o.at || '–'}; ${fmt(o.browsers)} browser(s) connected.`));
  }

  await load();
  let busy = false;
  const again = async () => {
    if (busy) return;
    busy = true;
    try { await load(); } finally { busy = false; }
  };
  return { ops: again, refresh: again };
}
