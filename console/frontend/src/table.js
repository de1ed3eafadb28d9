// A plain sortable table of rows (objects) with column definitions.
import { h, fmt } from './dom.js';

export function dataTable(columns, rows, { test, limit = 200, onRow } = {}) {
  let sortKey = null;
  let desc = false;
  const tbody = h('tbody');
  const render = () => {
    let r = rows.slice();
    if (sortKey) {
      r.sort((a, b) => {
        const x = a[sortKey];
        const y = b[sortKey];
        const c = x == null ? 1 : y == null ? -1 : typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return desc ? -c : c;
      });
    }
    tbody.replaceChildren(...r.slice(0, limit).map((row) =>
      h('tr', onRow ? { onclick: () => onRow(row), class: 'clickable' } : null,
        columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.render ? c.render(row) : c.num ? fmt(row[c.key], c.digits ?? 2) : row[c.key] ?? '–')))));
  };
  const head = h('tr', columns.map((c) => h('th', {
    class: c.num ? 'num sortable' : 'sortable',
    title: c.title || 'Sort',
    onclick: () => {
      desc = sortKey === c.key ? !desc : c.num;
      sortKey = c.key;
      render();
    },
  }, c.label)));
  render();
  return h('div.table-wrap', h('table', { 'data-test': test, dataset: { rows: String(rows.length) } }, h('thead', head), tbody),
    rows.length > limit ? h('p.muted', `${fmt(limit)} of ${fmt(rows.length)} rows shown; sort to see others, or use Resources for all.`) : null);
}
