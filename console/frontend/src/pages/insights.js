// Insights: the static risk map, what burglary correlates with, the drivers (SHAP) of an LSOA's
// forecast when it is clicked, and the model's evaluation against the baselines over time.
import { get } from '../api.js';
import { h, clear, section, fmt, card } from '../dom.js';
import { AreaMap } from '../map.js';
import { sequential } from '../scale.js';
import { barChart, lineChart, scatter } from '../charts.js';
import { dataTable } from '../table.js';

const METRICS = { mae: 'MAE', rmse: 'RMSE', poissonDeviance: 'Poisson deviance', pai1: 'PAI (top 1%)', hitRate5: 'Hit rate (top 5%)', r2: 'R²' };
const COLORS = ['#d94801', '#2166ac', '#1b9e77', '#7570b3', '#e7298a', '#666666', '#a6761d'];

export async function mount(root, ctx) {
  const mapBox = h('div');
  const lsoaBox = h('div.side', { 'data-test': 'lsoa-panel' }, h('p.muted', 'Click an LSOA on the risk map to see the drivers of its forecast.'));
  const riskNote = h('p.muted');
  const corrBox = h('div', { 'data-test': 'correlations' });
  const scatterBox = h('div');
  const evalBox = h('div', { 'data-test': 'evaluations' });
  const modelBox = h('div');
  let window = '12';
  const windowSelect = h('select', { onchange: () => { window = windowSelect.value; loadCorrelations(); } },
    ['12', '24', '36'].map((m) => h('option', { value: m }, `last ${m} months`)));
  clear(root,
    h('div.grid2', h('div', h('h2', 'Static risk score'), riskNote, mapBox), lsoaBox),
    section('Correlation of burglary with deprivation and census shares', h('div.controls', h('label', 'Burglary rate over ', windowSelect)),
      h('div.grid2', corrBox, scatterBox)),
    section('Model evaluation against the baselines', evalBox),
    section('Risk model', modelBox));

  const map = new AreaMap(mapBox, { test: 'risk-map', onClick: (code) => showLsoa(code) });
  await map.setLevel('lsoa');

  async function loadRisk() {
    const r = await get('/api/risk');
    const scale = sequential(r.expRiskScore);
    map.paint(r.expRiskScore, scale, { title: 'Risk: burglaries per 1,000 residents a year', format: (v) => fmt(v, 1) });
    riskNote.textContent = r.modelVersion
      ? `Fitted burglaries per 1,000 residents per year from the OLS risk model ${r.modelVersion}. Click an LSOA.`
      : 'No risk scores published yet.';
    modelBox.replaceChildren(...r.models.map((m) => h('div',
      h('div.cards', card('Model', m.modelVersion), card('R²', fmt(m.r2, 3), 'adjusted ' + fmt(m.adjustedR2, 3)),
        card('LSOAs', fmt(m.observations)), card('Data', `${m.dataFrom} – ${m.dataMonth}`)),
      dataTable([{ key: 'term', label: 'Term' }, { key: 'estimate', label: 'Estimate', num: true, digits: 4 },
        { key: 'stdError', label: 'Std. error', num: true, digits: 4 }, { key: 'tValue', label: 't', num: true, digits: 2 },
        { key: 'pValue', label: 'p', num: true, digits: 4 }], m.coefficients))));
  }

  async function showLsoa(code) {
    map.select(code);
    const d = await get('/api/lsoa/' + encodeURIComponent(code));
    const p = d.profile || {};
    const parts = [h('h3', { 'data-test': 'lsoa-name' }, p.name || code), h('p.muted', `${code} · ${p.wardName || ''} · ${p.boroughName || ''}`)];
    const row = (k, v) => h('div.kv', h('span', k), h('b', v));
    if (p.population) parts.push(row('Residents (mid-2021)', fmt(p.population)), row('Area', fmt(p.areaKm2, 2) + ' km²'));
    if (d.risk) parts.push(row('Risk score', fmt(d.risk.expRiskScore, 1) + ' per 1,000 a year'), row('Observed rate', fmt(d.risk.observedRate, 1)));
    if (d.drivers.length) {
      parts.push(h('h4', `Drivers of the forecast for the month after ${d.driversOrigin} (SHAP, model scale)`),
        barChart(d.drivers.map((x) => ({ label: x.feature + (x.value != null ? ` = ${fmt(x.value, 2)}` : ''), value: x.contribution })),
          { test: 'drivers-chart', format: (v) => (v > 0 ? '+' : '') + fmt(v, 3) }));
    } else {
      parts.push(h('p.muted', { 'data-test': 'no-drivers' }, 'No drivers published for this LSOA yet.'));
    }
    const hist = d.history.months.map((m, i) => ({ x: m, y: d.history.counts[i] }));
    const fc = d.forecast ? d.forecast.horizons.map((f) => ({ x: f.month, y: f.predicted, lo: f.lower, hi: f.upper })) : [];
    const x = [...hist.map((p) => p.x), ...fc.map((p) => p.x)];
    parts.push(h('h4', 'Monthly burglaries and forecast'),
      lineChart({ x, height: 220, width: 560, series: [{ name: 'actual', color: '#333', points: hist },
        { name: 'forecast', color: '#d94801', dash: '5 3', band: true, points: fc }], test: 'lsoa-history' }));
    lsoaBox.replaceChildren(...parts);
  }

  async function loadCorrelations() {
    const c = await get('/api/correlations?months=' + window);
    corrBox.replaceChildren(
      h('p.muted', `Across LSOAs: ${c.measure} over the last ${c.months} months against each variable. Spearman is robust to the long tail of rates.`),
      barChart(c.rows.map((r) => ({ label: r.variable, value: r.spearman, title: `${r.group} ${r.variable}: Spearman ${fmt(r.spearman, 3)}, Pearson ${fmt(r.pearson, 3)}, n=${r.n}` })),
        { test: 'correlation-chart' }),
      dataTable([{ key: 'variable', label: 'Variable' }, { key: 'group', label: 'Source' }, { key: 'spearman', label: 'Spearman', num: true, digits: 3 },
        { key: 'pearson', label: 'Pearson', num: true, digits: 3 }, { key: 'n', label: 'LSOAs', num: true, digits: 0 }], c.rows,
        { test: 'correlation-table', onRow: (r) => loadScatter(r.variable) }));
    if (c.rows.length) loadScatter(c.rows[0].variable);
  }

  async function loadScatter(variable) {
    const s = await get(`/api/correlations/scatter?variable=${variable}&months=${window}`);
    scatterBox.replaceChildren(h('h4', `${variable} against the burglary rate (Spearman ${fmt(s.spearman, 3)})`),
      scatter(s.x, s.y, { xLabel: variable, yLabel: 'burglaries per 1,000 a year', test: 'scatter' }),
      h('p.muted', 'Click a row of the table to plot another variable.'));
  }

  let metric = 'mae';
  async function loadEvaluations() {
    const evals = await get('/api/evaluations');
    if (!evals.length) {
      evalBox.replaceChildren(h('p.muted', 'No model evaluations published yet.'));
      return;
    }
    const methods = [...new Set(evals.flatMap((e) => Object.keys(e.pooled)))];
    const windows = [...new Set(evals.map((e) => e.windowTo))].sort();
    const select = h('select', { 'data-test': 'metric', onchange: () => { metric = select.value; loadEvaluations(); } },
      Object.entries(METRICS).map(([k, v]) => h('option', { value: k, selected: k === metric }, v)));
    const series = methods.map((m, i) => ({ name: m, color: COLORS[i % COLORS.length], dash: m === 'model' ? null : '4 3',
      points: evals.filter((e) => e.pooled[m]).map((e) => ({ x: e.windowTo, y: e.pooled[m][metric] })) }));
    const latest = evals[evals.length - 1];
    const rows = Object.entries(latest.pooled).map(([method, v]) => ({ method, ...v }));
    evalBox.replaceChildren(
      h('div.controls', h('label', 'Metric ', select), h('span.muted', `${evals.length} evaluation windows; lower is better except PAI, hit rate and R².`)),
      lineChart({ x: windows, series, yLabel: METRICS[metric], test: 'evaluation-chart', height: 240 }),
      h('h4', `Latest window ${latest.windowFrom} – ${latest.windowTo} (${latest.kind}, model ${latest.modelVersion})`),
      dataTable([{ key: 'method', label: 'Method' }, { key: 'mae', label: 'MAE', num: true, digits: 3 }, { key: 'rmse', label: 'RMSE', num: true, digits: 3 },
        { key: 'poissonDeviance', label: 'Deviance', num: true, digits: 3 }, { key: 'bias', label: 'Bias', num: true, digits: 3 },
        { key: 'pai1', label: 'PAI 1%', num: true, digits: 2 }, { key: 'hitRate5', label: 'Hit 5%', num: true, digits: 3 },
        { key: 'coverage80', label: '80% coverage', num: true, digits: 3 }], rows, { test: 'evaluation-table' }),
      latest.importances.length ? h('div', h('h4', 'Global importance (mean |SHAP|)'),
        barChart(latest.importances.map((i) => ({ label: i.feature, value: i.meanAbsShap })), { format: (v) => fmt(v, 3) })) : null);
  }

  await Promise.all([loadRisk(), loadCorrelations(), loadEvaluations()]);
  const lsoa = ctx.params().lsoa;
  if (lsoa) await showLsoa(lsoa);

  return {
    async refresh(channels) {
      if (channels.has('risk')) await loadRisk();
      if (channels.has('counts') || channels.has('areas')) await loadCorrelations();
      if (channels.has('evaluations')) await loadEvaluations();
    },
    unmount() {
      map.destroy();
    },
  };
}
