// Small hand-written SVG charts: lines with bands over months, horizontal bars, and a scatter.
import { fmt } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  children.flat().forEach((c) => c != null && el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return el;
}

function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const step0 = (max - min) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= step0);
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(+t.toFixed(10));
  return ticks;
}

/**
 * series: [{name, color, points: [{x: 'YYYY-MM', y, lo, hi}], dash, band}], x categories in order.
 * marker: an x to draw a vertical line at.
 */
export function lineChart({ x, series, marker, height = 260, width = 900, yLabel = '', test, legend = true }) {
  const m = { l: 56, r: 12, t: 12, b: 36 };
  const all = series.flatMap((se) => se.points.flatMap((p) => [p.y, p.lo, p.hi])).filter((v) => v != null && Number.isFinite(v));
  let min = Math.min(0, ...all);
  let max = Math.max(...all, 1);
  max += (max - min) * 0.05;
  const xi = new Map(x.map((v, i) => [v, i]));
  const px = (v) => m.l + ((xi.get(v) ?? 0) * (width - m.l - m.r)) / Math.max(1, x.length - 1);
  const py = (v) => m.t + (1 - (v - min) / (max - min)) * (height - m.t - m.b);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', 'data-test': test, role: 'img' });
  for (const t of niceTicks(min, max)) {
    svg.append(s('line', { x1: m.l, x2: width - m.r, y1: py(t), y2: py(t), class: 'grid' }),
      s('text', { x: m.l - 6, y: py(t) + 4, 'text-anchor': 'end', class: 'tick' }, fmt(t)));
  }
  const every = Math.max(1, Math.ceil(x.length / 12));
  x.forEach((v, i) => {
    if (i % every === 0) svg.append(s('text', { x: px(v), y: height - m.b + 16, 'text-anchor': 'middle', class: 'tick' }, v));
  });
  if (yLabel) svg.append(s('text', { x: 12, y: m.t + 4, class: 'tick', transform: `rotate(-90 12 ${m.t + 4})`, 'text-anchor': 'end' }, yLabel));
  for (const se of series) {
    const pts = se.points.filter((p) => xi.has(p.x) && p.y != null);
    if (se.band) {
      const withBand = pts.filter((p) => p.lo != null && p.hi != null);
      if (withBand.length) {
        const d = withBand.map((p, i) => `${i ? 'L' : 'M'}${px(p.x)},${py(p.hi)}`).join('') +
          withBand.slice().reverse().map((p) => `L${px(p.x)},${py(p.lo)}`).join('') + 'Z';
        svg.append(s('path', { d, fill: se.color, opacity: 0.18, stroke: 'none' }));
      }
    }
    if (pts.length > 1 && !se.dotsOnly) {
      svg.append(s('path', { d: pts.map((p, i) => `${i ? 'L' : 'M'}${px(p.x)},${py(p.y)}`).join(''), fill: 'none',
        stroke: se.color, 'stroke-width': 2, 'stroke-dasharray': se.dash || null }));
    }
    for (const p of pts) {
      svg.append(s('circle', { cx: px(p.x), cy: py(p.y), r: se.dotsOnly ? 3 : 2.2, fill: se.color },
        s('title', {}, `${se.name} ${p.x}: ${fmt(p.y, 1)}` + (p.lo != null ? ` (80%: ${fmt(p.lo, 1)}–${fmt(p.hi, 1)})` : ''))));
    }
  }
  if (marker && xi.has(marker)) {
    svg.append(s('line', { x1: px(marker), x2: px(marker), y1: m.t, y2: height - m.b, class: 'marker' }));
  }
  if (legend) {
    let lx = m.l + 8;
    for (const se of series) {
      svg.append(s('rect', { x: lx, y: m.t + 2, width: 12, height: 4, fill: se.color }),
        s('text', { x: lx + 16, y: m.t + 8, class: 'tick' }, se.name));
      lx += 26 + se.name.length * 6.5;
    }
  }
  return svg;
}

/** Horizontal bars: rows [{label, value, title}], symmetric around 0 when values are signed. */
export function barChart(rows, { test, format = (v) => fmt(v, 3), height } = {}) {
  const width = 560;
  const bar = 18;
  const m = { l: 170, r: 60, t: 6, b: 6 };
  const hgt = height || m.t + m.b + rows.length * (bar + 4);
  const maxAbs = Math.max(...rows.map((r) => Math.abs(r.value || 0)), 1e-9);
  const signed = rows.some((r) => r.value < 0);
  const zero = signed ? m.l + (width - m.l - m.r) / 2 : m.l;
  const span = signed ? (width - m.l - m.r) / 2 : width - m.l - m.r;
  const svg = s('svg', { viewBox: `0 0 ${width} ${hgt}`, class: 'chart bars', 'data-test': test });
  rows.forEach((r, i) => {
    const y = m.t + i * (bar + 4);
    const w = (Math.abs(r.value || 0) / maxAbs) * span;
    const x = r.value < 0 ? zero - w : zero;
    svg.append(s('text', { x: m.l - 6, y: y + bar - 5, 'text-anchor': 'end', class: 'tick' }, r.label),
      s('rect', { x, y, width: Math.max(w, 0.5), height: bar, class: r.value < 0 ? 'neg' : 'pos' }, s('title', {}, r.title || `${r.label}: ${format(r.value)}`)),
      // Negative values are labelled on the right of the zero line, so that labels never cover names.
      s('text', { x: r.value < 0 ? zero + 4 : x + w + 4, y: y + bar - 5, 'text-anchor': 'start', class: 'tick' }, format(r.value)));
  });
  svg.append(s('line', { x1: zero, x2: zero, y1: 0, y2: hgt, class: 'axis' }));
  return svg;
}

/** A scatter of many points on a canvas (thousands of LSOAs), with axis labels. */
export function scatter(xs, ys, { xLabel, yLabel, test } = {}) {
  const canvas = document.createElement('canvas');
  const width = 560;
  const height = 340;
  canvas.width = width * 2;
  canvas.height = height * 2;
  canvas.style.width = '100%';
  canvas.style.maxWidth = width + 'px';
  if (test) canvas.dataset.test = test;
  const ctx = canvas.getContext('2d');
  ctx.scale(2, 2);
  const pts = xs.map((x, i) => [x, ys[i]]).filter(([x, y]) => x != null && y != null && Number.isFinite(x) && Number.isFinite(y));
  canvas.dataset.points = String(pts.length);
  if (!pts.length) return canvas;
  const sorted = pts.map((p) => p[1]).sort((a, b) => a - b);
  const yMax = sorted[Math.floor(sorted.length * 0.995)] || sorted[sorted.length - 1];
  const xMin = Math.min(...pts.map((p) => p[0]));
  const xMax = Math.max(...pts.map((p) => p[0]));
  const m = { l: 48, r: 10, t: 10, b: 36 };
  const px = (v) => m.l + ((v - xMin) / (xMax - xMin || 1)) * (width - m.l - m.r);
  const py = (v) => m.t + (1 - Math.min(v, yMax) / (yMax || 1)) * (height - m.t - m.b);
  ctx.fillStyle = 'rgba(217,72,1,0.25)';
  for (const [x, y] of pts) ctx.fillRect(px(x) - 1.5, py(y) - 1.5, 3, 3);
  ctx.strokeStyle = '#888';
  ctx.strokeRect(m.l, m.t, width - m.l - m.r, height - m.t - m.b);
  ctx.fillStyle = '#333';
  ctx.font = '11px sans-serif';
  ctx.fillText(xLabel || '', m.l, height - 8);
  ctx.fillText(fmt(xMin, 2), m.l, height - m.b + 14);
  ctx.textAlign = 'right';
  ctx.fillText(fmt(xMax, 2), width - m.r, height - m.b + 14);
  ctx.fillText(fmt(yMax, 0), m.l - 4, m.t + 8);
  ctx.fillText('0', m.l - 4, height - m.b);
  ctx.save();
  ctx.translate(12, m.t + 120);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(yLabel || '', 0, 0);
  ctx.restore();
  return canvas;
}
