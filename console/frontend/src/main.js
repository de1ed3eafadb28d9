// The console: a hash-routed single page; each page mounts into <main> and refreshes itself when
// the server pushes a change of the data it shows.
import './style.css';
import { get, live } from './api.js';
import { invalidateAreas } from './areas.js';
import { h, clear } from './dom.js';
import * as overview from './pages/overview.js';
import * as insights from './pages/insights.js';
import * as allocation from './pages/allocation.js';
import * as resources from './pages/resources.js';
import * as operations from './pages/operations.js';

const pages = { overview, insights, allocation, resources, operations };
let current = null;
let summary = null;

const ctx = {
  async summary(refresh = false) {
    if (!summary || refresh) summary = get('/api/summary');
    return summary;
  },
  toast(message, kind = 'info') {
    const t = document.getElementById('toast');
    t.textContent = message;
    t.className = 'toast ' + kind;
    t.hidden = false;
    clearTimeout(t.timer);
    t.timer = setTimeout(() => (t.hidden = true), 5000);
  },
  params() {
    const q = location.hash.split('?')[1] || '';
    return Object.fromEntries(new URLSearchParams(q));
  },
};

function route() {
  const name = (location.hash.replace(/^#\/?/, '').split('?')[0] || 'overview');
  const page = pages[name] ? name : 'overview';
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  if (current && current.name === page && current.params === location.hash) return;
  if (current && current.instance && current.instance.unmount) current.instance.unmount();
  const root = clear(document.getElementById('page'), h('p.muted', 'Loading…'));
  root.dataset.page = page;
  delete root.dataset.ready;
  const entry = { name: page, params: location.hash, instance: null };
  current = entry;
  pages[page].mount(root, ctx).then((instance) => {
    entry.instance = instance;
    if (current === entry) root.dataset.ready = 'true';
    else if (instance && instance.unmount) instance.unmount(); // the user went elsewhere meanwhile
  }).catch((e) => {
    clear(root, h('div.error', 'This page could not load: ' + e.message));
  });
}

function showWatermarks(w) {
  for (const [k, v] of Object.entries(w || {})) {
    const el = document.querySelector(`[data-test="wm-${k}"]`);
    if (el && el.textContent !== (v || '–')) {
      el.textContent = v || '–';
      el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 1500);
    }
  }
}

live((type, data) => {
  const badge = document.getElementById('live');
  if (type === 'open' || type === 'hello') {
    badge.textContent = 'live';
    badge.className = 'live on';
  } else if (type === 'error') {
    badge.textContent = 'reconnecting';
    badge.className = 'live off';
  } else if (type === 'changed') {
    summary = null;
    showWatermarks(data.watermarks);
    if (data.channels.includes('areas')) invalidateAreas();
    if (current && current.instance && current.instance.refresh) current.instance.refresh(new Set(data.channels), data);
  } else if (type === 'ops') {
    if (current && current.instance && current.instance.ops) current.instance.ops(data);
  }
});

window.addEventListener('hashchange', route);
ctx.summary().then((s) => showWatermarks(s.watermarks)).catch(() => {});
route();
