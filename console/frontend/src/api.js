// Fetching the console's JSON, and the live event stream.
export async function get(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ message: r.statusText }));
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
}

export async function post(path, data, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(path, { method: 'POST', headers, body: JSON.stringify(data) });
  const body = await r.json().catch(() => ({ message: r.statusText }));
  if (!r.ok) {
    const e = new Error(body.message || r.statusText);
    e.status = r.status;
    throw e;
  }
  return body;
}

// One EventSource for the whole app; listeners get ('changed'|'ops'|'open'|'error', data).
const listeners = new Set();
let source;
export function live(listener) {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/api/events');
    const emit = (type, data) => listeners.forEach((l) => l(type, data));
    source.addEventListener('open', () => emit('open'));
    source.addEventListener('error', () => emit('error'));
    for (const type of ['hello', 'changed', 'ops']) {
      source.addEventListener(type, (e) => emit(type, JSON.parse(e.data || '{}')));
    }
  }
  return () => listeners.delete(listener);
}
