// Leaflet choropleths of London without tiles: boundaries come from the console (simplified,
// delta-encoded), polygons draw on one canvas, colours follow a scale of values in area order.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { get } from './api.js';
import { areas } from './areas.js';
import { h, fmt } from './dom.js';
import { NO_DATA } from './scale.js';

const shapes = {};

function decode(body) {
  const s = body.scale;
  return body.shapes.map((polygons) =>
    polygons.map((rings) =>
      rings.map((flat) => {
        const out = new Array(flat.length / 2);
        let x = 0;
        let y = 0;
        for (let i = 0; i < flat.length; i += 2) {
          x += flat[i];
          y += flat[i + 1];
          out[i / 2] = [y / s, x / s];
        }
        return out;
      }),
    ),
  );
}

// The console simplifies the boundaries in the background when it starts: a page opened in those
// first seconds waits for them instead of failing.
async function fetchShapes(level, attempts = 15) {
  for (let i = 1; ; i++) {
    try {
      return await get('/api/geometry/' + level);
    } catch (e) {
      if (i >= attempts || !/may still be loading/.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

export function geometry(level) {
  if (!shapes[level]) {
    shapes[level] = fetchShapes(level).then((body) => ({ codes: body.codes, names: body.names, latlngs: decode(body) }));
    shapes[level].catch(() => delete shapes[level]);
  }
  return shapes[level];
}

export class AreaMap {
  constructor(container, { onClick, height = '520px', test } = {}) {
    this.el = h('div.map', { style: { height }, 'data-test': test });
    this.legend = h('div.legend');
    container.append(h('div.map-wrap', this.el, this.legend));
    this.map = L.map(this.el, { preferCanvas: true, zoomSnap: 0.25, attributionControl: false, minZoom: 9, maxZoom: 16 });
    this.map.setView([51.49, -0.11], 10);
    this.renderer = L.canvas({ padding: 0.3, tolerance: 2 });
    this.onClick = onClick;
    this.layers = [];
    this.values = [];
    this.level = null;
    this.format = (v) => fmt(v, 1);
    geometry('borough').then((b) => {
      if (!this.map) return;
      const lines = b.latlngs.flatMap((polys) => polys.map((rings) => rings[0]));
      L.polyline(lines, { color: '#222', weight: 1.2, opacity: 0.7, interactive: false, renderer: this.renderer }).addTo(this.map);
    }).catch(() => {});
  }

  /** Draws the polygons of a level (lsoa or ward) once; resolves when drawn. */
  async setLevel(level) {
    if (this.level === level) return;
    const [g, first] = await Promise.all([geometry(level), areas()]);
    // Areas read before the boundaries were loaded lack their codes: ask again.
    const a = first[level].codes.length < g.codes.length ? await areas(true) : first;
    const index = new Map(a[level].codes.map((c, i) => [c, i]));
    this.layers.forEach((l) => l.remove());
    this.level = level;
    this.layers = g.latlngs.map((latlngs, i) => {
      const layer = L.polygon(latlngs, { renderer: this.renderer, weight: level === 'ward' ? 0.6 : 0.25, color: '#555',
        fillColor: NO_DATA, fillOpacity: 0.85 });
      layer.code = g.codes[i];
      layer.name = g.names[i];
      layer.area = index.has(g.codes[i]) ? index.get(g.codes[i]) : -1;
      layer.bindTooltip(() => `${layer.name} (${layer.code})<br>${this.title || ''}: ${this.format(this.values[layer.area])}`,
        { sticky: true, direction: 'top', opacity: 0.9 });
      layer.on('click', () => {
        this.select(layer.code);
        if (this.onClick) this.onClick(layer.code, layer.area, layer.name);
      });
      return layer.addTo(this.map);
    });
    this.map.fitBounds(L.featureGroup(this.layers).getBounds(), { padding: [8, 8] });
    this.el.dataset.polygons = String(this.layers.length);
  }

  /** Colours every area by its value (values in the level's area order). */
  paint(values, scale, { title, format, legendFormat } = {}) {
    this.values = values || [];
    this.title = title;
    if (format) this.format = format;
    for (const layer of this.layers) layer.setStyle({ fillColor: scale.color(this.values[layer.area]) });
    this.drawLegend(scale, title, legendFormat || format || ((v) => fmt(v, 1)));
    this.el.dataset.painted = String(Date.now());
    // The first choropleth drawn is what "page loaded" means for a person: measured by the browser tests.
    if (!performance.getEntriesByName('patrolcast-map-painted').length) {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (!performance.getEntriesByName('patrolcast-map-painted').length) performance.mark('patrolcast-map-painted');
      }));
    }
  }

  drawLegend(scale, title, format) {
    const rows = scale.colors.map((c, i) => {
      const lo = i === 0 ? null : scale.breaks[i - 1];
      const hi = i < scale.breaks.length ? scale.breaks[i] : null;
      const label = scale.integer
        ? wholeNumbers(lo == null ? scale.min : lo + 1, hi, format)
        : scale.upperInclusive
        ? (lo == null ? `≤ ${format(hi)}` : hi == null ? `> ${format(lo)}` : `${format(lo)} – ${format(hi)}`)
        : (lo == null ? `< ${format(hi)}` : hi == null ? `≥ ${format(lo)}` : `${format(lo)} – ${format(hi)}`);
      return h('div.legend-row', h('span.swatch', { style: { background: c } }), label);
    });
    this.legend.replaceChildren(h('div.legend-title', title || ''), ...rows,
      h('div.legend-row', h('span.swatch', { style: { background: NO_DATA } }), 'no data'));
  }

  select(code) {
    if (this.selected) this.selected.setStyle({ weight: this.level === 'ward' ? 0.6 : 0.25, color: '#555' });
    this.selected = this.layers.find((l) => l.code === code);
    if (this.selected) {
      this.selected.setStyle({ weight: 2.5, color: '#000' });
      this.selected.bringToFront();
    }
  }

  /** Simulates a click on an area (used by links in tables). */
  click(code) {
    const layer = this.layers.find((l) => l.code === code);
    if (layer) layer.fire('click');
  }

  destroy() {
    this.map.remove();
    this.map = null;
  }
}

/** A legend class of whole numbers from..to: "2", "4 – 6", or "≥ 7" for the open top class. */
function wholeNumbers(from, to, format) {
  if (to == null) return `≥ ${format(from)}`;
  return from === to ? format(from) : `${format(from)} – ${format(to)}`;
}
