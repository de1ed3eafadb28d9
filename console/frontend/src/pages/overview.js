// Overview: a choropleth of actual against predicted burglaries by month (LSOAs or wards), and
// the London total over time with the forecasts and their intervals.
import { get } from '../api.js';
import { areas } from '../areas.js';
import { h, clear, card, section, fmt } from '../dom.js';
import { AreaMap } from '../map.js';
import { sequential, diverging } from '../scale.js';
import { lineChart } from '../charts.js';

export async function mount(root, ctx) {
  let summary = await ctx.summary();
  let months = summary.sliderMonths;
  let level = 'lsoa';
  let mode = 'actual';
  let month = summary.months[summary.months.length - 1] || months[months.length - 1];
  let data = null;
  let selected = null;
  let timer;

  const side = h('div.side', { 'data-test': 'area-panel' }, h('p.muted', 'Click an area on the map.'));
  const label = h('b', { 'data-test': 'month-label' }, month || '–');
  const slider = h('input', { type: 'range', min: 0, max: Math.max(0, months.length - 1), value: Math.max(0, months.indexOf(month)),
    'data-test': 'month-slider', 'aria-label': 'Month',
    oninput: () => {
      month = months[+slider.value];
      label.textContent = month;
      clearTimeout(timer);
      timer = setTimeout(show, 120);
    } });
  const levelSelect = h('select', { 'data-test': 'level', onchange: async () => {
    level = levelSelect.value;
    selected = null;
    side.replaceChildren(h('p.muted', 'Click an area on the map.'));
    await draw();
  } },
    h('option', { value: 'lsoa' }, 'LSOAs (4,994)'), h('option', { value: 'ward' }, 'Wards (2024)'));
  const modeSelect = h('select', { 'data-test': 'mode', onchange: () => { mode = modeSelect.value; paint(); } },
    h('option', { value: 'actual' }, 'Actual burglaries'), h('option', { value: 'predicted' }, 'Predicted'),
    h('option', { value: 'difference' }, 'Actual − predicted'));
  const cards = h('div.cards');
  const chartBox = h('div', { 'data-test': 'timeline' });
  const mapBox = h('div');
  clear(root,
    h('div.controls', h('label', 'Map ', levelSelect), h('label', 'Show ', modeSelect),
      h('label.slider', 'Month ', slider, ' ', label)),
    h('div.grid2', mapBox, h('div', cards, side)),
    section('London total over time', chartBox,
      h('p.muted', 'Actuals from the feature snapshots; dots are the forecast made the month before each month; the dashed line '
        + 'and band are the latest origin\'s 12 months with an approximate 80% interval (LSOA intervals combined as independent).')));

  const map = new AreaMap(mapBox, { test: 'overview-map', onClick: (code, index, name) => { selected = { code, index, name }; side.replaceChildren(...panel()); } });

  function values() {
    if (!data) return [];
    if (mode === 'actual') return data.actual || [];
    if (mode === 'predicted') return data.predicted || [];
    const a = data.actual || [];
    const p = data.predicted || [];
    return a.map((v, i) => (v == null || p[i] == null ? null : v - p[i]));
  }

  function paint() {
    const v = values();
    const scale = mode === 'difference' ? diverging(v) : sequential(v);
    const title = { actual: 'Burglaries', predicted: 'Predicted', difference: 'Actual − predicted' }[mode] + ' ' + month;
    map.paint(v, scale, { title, format: (x) => fmt(x, mode === 'actual' ? 0 : 2), legendFormat: (x) => fmt(x, mode === 'actual' ? 0 : 1) });
    cards.replaceChildren(
      card('Month', month, data && data.prediction ? `forecast from ${data.prediction.origin}, ${data.prediction.horizon} month${data.prediction.horizon === 1 ? '' : 's'} ahead` : 'no forecast for this month'),
      card('Actual, London', data && data.actualTotal != null ? fmt(data.actualTotal) : '–', data && data.actualTotal != null ? 'recorded burglaries' : 'not observed yet', 'actual-total'),
      card('Predicted, London', data && data.predictedTotal != null ? fmt(data.predictedTotal) : '–', data && data.prediction ? 'model ' + data.prediction.modelVersion : '', 'predicted-total'));
    if (selected) side.replaceChildren(...panel());
  }

  function panel() {
    const i = selected.index;
    const out = [h('h3', { 'data-test': 'selected-name' }, selected.name), h('p.muted', selected.code)];
    const row = (k, v) => h('div.kv', h('span', k), h('b', v));
    if (data) {
      out.push(row('Actual ' + month, data.actual ? fmt(data.actual[i]) : '–'));
      // LSOA bounds are whole numbers (count quantiles): shown as such, not as 0.0–3.0.
      const bound = (x) => fmt(x, Number.isInteger(x) ? 0 : 1);
      if (data.predicted) out.push(row('Predicted', `${fmt(data.predicted[i], 2)} (80%: ${bound(data.lower[i])}–${bound(data.upper[i])})`));
    }
    if (level === 'lsoa') out.push(h('p', h('a', { href: '#/insights?lsoa=' + selected.code, 'data-test': 'drivers-link' }, 'Drivers and history of this LSOA →')));
    return out;
  }

  async function show(drawn = Promise.resolve()) {
    if (!month) return;
    const shown = month;
    const [, d] = await Promise.all([drawn, get(`/api/map/${level}/${month}`)]);
    if (shown !== month) return;
    data = d;
    paint();
    drawChart();
  }

  let timeline = null;
  async function drawChart() {
    if (!timeline) timeline = await get('/api/timeline');
    const x = [...new Set([...timeline.actual.map((p) => p.month), ...timeline.oneStep.map((p) => p.month),
      ...(timeline.forecast ? timeline.forecast.points.map((p) => p.month) : [])])].sort();
    const series = [
      { name: 'actual', color: '#333', points: timeline.actual.map((p) => ({ x: p.month, y: p.total })) },
      { name: 'forecast a month ahead', color: '#2166ac', dotsOnly: true, band: true, points: timeline.oneStep.map((p) => ({ x: p.month, y: p.predicted, lo: p.lower, hi: p.upper })) },
    ];
    if (timeline.forecast) {
      series.push({ name: 'latest forecast (' + timeline.forecast.origin + ')', color: '#d94801', dash: '6 4', band: true,
        points: timeline.forecast.points.map((p) => ({ x: p.month, y: p.predicted, lo: p.lower, hi: p.upper })) });
    }
    chartBox.replaceChildren(lineChart({ x, series, marker: month, yLabel: 'burglaries per month', test: 'timeline-chart' }));
  }

  async function draw() {
    // Boundaries and the month's values load at the same time.
    await show(map.setLevel(level));
  }

  await draw();

  return {
    async refresh(channels) {
      if (!['counts', 'forecasts', 'areas'].some((c) => channels.has(c))) return;
      const atLatest = month === summary.months[summary.months.length - 1];
      summary = await ctx.summary(true);
      months = summary.sliderMonths;
      slider.max = Math.max(0, months.length - 1);
      if (atLatest && summary.months.length) month = summary.months[summary.months.length - 1];
      slider.value = Math.max(0, months.indexOf(month));
      label.textContent = month;
      timeline = null;
      if (channels.has('areas')) await areas(true);
      await show();
    },
    unmount() {
      map.destroy();
    },
  };
}
