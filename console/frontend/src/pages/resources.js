// Resources: every table the console holds, filtered on the server and downloadable as CSV with
// the same filters.
import { get } from '../api.js';
import { h, clear, fmt } from '../dom.js';

const PAGE = 50;

export async function mount(root, ctx) {
  let catalogue = await get('/api/tables');
  let name = ctx.params().table || 'forecasts';
  let param = '';
  let offset = 0;
  let sort = null;
  let desc = false;
  const filters = {};
  const menu = h('div.tabs', { 'data-test': 'table-menu' });
  const paramSelect = h('select', { 'data-test': 'table-param', onchange: () => { param = paramSelect.value; offset = 0; load(); } });
  const search = h('input', { type: 'search', placeholder: 'Search every column', 'data-test': 'table-search',
    oninput: debounce(() => { offset = 0; load(); }) });
  const download = h('a.button', { 'data-test': 'csv-download', download: '' }, 'Download CSV');
  const info = h('span.muted', { 'data-test': 'table-info' });
  const tableBox = h('div.table-wrap');
  const pager = h('div.pager');
  const description = h('p.muted');
  clear(root, h('h2', 'Resources'), menu, description,
    h('div.controls', h('label', 'Search ', search), h('label', paramSelect), download, info), tableBox, pager);

  function query(extra = {}) {
    const q = new URLSearchParams();
    if (param) q.set('param', param);
    if (search.value.trim()) q.set('q', search.value.trim());
    for (const [k, v] of Object.entries(filters)) if (v) q.set('f.' + k, v);
    if (sort) { q.set('sort', sort); q.set('desc', String(desc)); }
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  }

  function showMenu() {
    menu.replaceChildren(...catalogue.map((t) => h('button', { class: t.name === name ? 'tab active' : 'tab', 'data-test': 'table-' + t.name,
      onclick: () => { name = t.name; param = ''; offset = 0; sort = null; Object.keys(filters).forEach((k) => delete filters[k]); showMenu(); load(true); } }, t.name)));
    const t = catalogue.find((x) => x.name === name) || catalogue[0];
    description.textContent = t.description;
    paramSelect.hidden = !t.params.length;
    paramSelect.replaceChildren(...t.params.slice().reverse().map((p) => h('option', { value: p, selected: p === param }, p)));
    if (t.params.length && !param) param = t.params[t.params.length - 1];
  }

  let columnsShown = null;
  async function load(rebuild = false) {
    const body = await get(`/api/tables/${name}?${query({ offset, limit: PAGE })}`);
    download.href = `/api/tables/${name}/csv?${query()}`;
    info.textContent = `${fmt(body.matching)} of ${fmt(body.total)} rows match`;
    info.dataset.matching = String(body.matching);
    if (rebuild || columnsShown !== name) {
      columnsShown = name;
      const head = h('tr', body.columns.map((c) => h('th', { class: c.type === 'NUMBER' ? 'num sortable' : 'sortable',
        onclick: () => { desc = sort === c.name ? !desc : c.type === 'NUMBER'; sort = c.name; load(); } }, c.name)));
      const filterRow = h('tr.filters', body.columns.map((c) => h('th', h('input', { placeholder: c.type === 'NUMBER' ? '>=1, 1..5' : 'contains',
        'data-test': 'filter-' + c.name, value: filters[c.name] || '',
        oninput: debounce((e) => { filters[c.name] = e.target.value.trim(); offset = 0; load(); }) }))));
      tableBox.replaceChildren(h('table', { 'data-test': 'resource-table' }, h('thead', head, filterRow), h('tbody')));
    }
    const tbody = tableBox.querySelector('tbody');
    tbody.replaceChildren(...body.rows.map((r) => h('tr', r.map((v, i) => h('td', { class: body.columns[i].type === 'NUMBER' ? 'num' : null },
      v == null ? '' : body.columns[i].type === 'NUMBER' ? fmt(v, Number.isInteger(v) ? 0 : 3) : String(v))))));
    tableBox.querySelector('table').dataset.rows = String(body.rows.length);
    pager.replaceChildren(
      h('button', { disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); load(); } }, '← Previous'),
      h('span', ` rows ${fmt(body.matching ? offset + 1 : 0)}–${fmt(Math.min(offset + PAGE, body.matching))} `),
      h('button', { disabled: offset + PAGE >= body.matching, onclick: () => { offset += PAGE; load(); } }, 'Next →'));
  }

  showMenu();
  await load(true);
  return {
    async refresh(channels) {
      const relevant = { forecasts: 'forecasts', forecasts_ward: 'forecasts', allocations: 'plans', allocations_ward: 'plans',
        features: 'features', evaluations: 'evaluations', rejected: 'rejected', risk_scores: 'risk', months: 'watermarks' }[name];
      if (channels.has(relevant)) {
        catalogue = await get('/api/tables');
        await load();
      }
    },
  };
}

function debounce(f, ms = 250) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => f(...args), ms);
  };
}
