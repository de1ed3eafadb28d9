// Allocation: the current patrol plan on the map and per ward, its fairness figures, and a what-if
// (budget slider, floor and cap inputs) compared with the current plan. What-if needs the token.
import { get, post } from '../api.js';
import { h, clear, card, section, fmt, pct, daysIn } from '../dom.js';
import { AreaMap } from '../map.js';
import { sequential, diverging } from '../scale.js';
import { barChart } from '../charts.js';
import { dataTable } from '../table.js';

const TOKEN_KEY = 'patrolcast.token';

// The plan's solver text is "<method> (<how>); <proof>": the method is the card's value, the rest its note,
// so the card stays as short as its neighbours.
function solverCard(solver, forecastVersion) {
  const m = /^(.*?) \((.*)\)(.*)$/.exec(solver || '');
  const method = m ? m[1] : solver;
  const detail = m ? m[2] + m[3] : '';
  return card('Solver', method, [detail, 'forecast ' + forecastVersion].filter(Boolean).join('; '), 'plan-solver');
}

export async function mount(root, ctx) {
  const session = await get('/api/session');
  let planBody = await get('/api/plan');
  let monthIndex = 0;
  let lastResult = null;
  const summaryBox = h('div');
  const mapBox = h('div');
  const wardBox = h('div');
  const resultBox = h('div', { 'data-test': 'whatif-result' });
  const monthSelect = h('select', { 'data-test': 'plan-month', onchange: () => { monthIndex = +monthSelect.value; showHours(); } });
  const view = h('select', { 'data-test': 'plan-view', onchange: () => (view.value === 'delta' && lastResult ? showDelta() : showHours()) },
    h('option', { value: 'hours' }, 'Current plan: hours per day'), h('option', { value: 'delta' }, 'What-if minus current (hours, all months)'));

  // What-if form
  const params = () => (planBody.plan ? planBody.plan.parameters : {});
  const budget = h('input', { type: 'range', min: 1.0, max: 3.0, step: 0.05, value: params().budgetHoursPerDayPerLsoa || 1.8, 'data-test': 'budget',
    oninput: () => (budgetLabel.textContent = fmt(+budget.value, 2) + ' h/day per LSOA') });
  const budgetLabel = h('b', { 'data-test': 'budget-label' }, fmt(+budget.value, 2) + ' h/day per LSOA');
  const minIn = h('input', { type: 'number', step: 0.1, min: 0, max: 24, value: params().minHoursPerDay ?? 1.0, 'data-test': 'min-hours' });
  const maxIn = h('input', { type: 'number', step: 0.1, min: 0.1, max: 24, value: params().maxHoursPerDay ?? 2.6, 'data-test': 'max-hours' });
  const floorIn = h('input', { type: 'number', step: 0.05, min: 0, max: 1, value: params().wardFloorShare ?? 0.5, 'data-test': 'floor-share' });
  const boroughSelect = h('select', { 'data-test': 'cap-borough' }, h('option', { value: '' }, '(no borough cap)'));
  const capIn = h('input', { type: 'number', step: 100, min: 0, placeholder: 'h/month', 'data-test': 'cap-hours' });
  const tokenIn = h('input', { type: 'password', placeholder: 'console token', autocomplete: 'off', 'data-test': 'token',
    value: sessionStorage.getItem(TOKEN_KEY) || '' });
  const runButton = h('button', { type: 'submit', 'data-test': 'run-whatif' }, 'Run what-if');
  const formNote = h('p.muted', { 'data-test': 'session' }, session.message);
  const form = h('form.whatif', { onsubmit: (e) => { e.preventDefault(); runWhatIf(); } },
    h('label.wide', 'Budget ', budget, ' ', budgetLabel),
    h('label', 'Floor (h/day per LSOA) ', minIn), h('label', 'Cap (h/day per LSOA, before area scaling) ', maxIn),
    h('label', 'Ward fairness floor share ', floorIn), h('label', 'Borough cap ', boroughSelect, ' ', capIn),
    h('label', 'Token ', tokenIn), runButton, formNote);
  if (!session.writesEnabled) {
    runButton.disabled = true;
    tokenIn.disabled = true;
  }

  clear(root, summaryBox,
    h('div.controls', h('label', 'Map ', view), h('label', 'Month ', monthSelect)),
    h('div.grid2', mapBox, h('div', section('What if…', form), resultBox)),
    section('Wards in the current plan', wardBox));
  const map = new AreaMap(mapBox, { test: 'plan-map' });
  await map.setLevel('lsoa');

  function showSummary() {
    const p = planBody.plan;
    if (!p) {
      summaryBox.replaceChildren(h('p.muted', { 'data-test': 'no-plan' }, 'No current plan has been published yet.'));
      wardBox.replaceChildren();
      return;
    }
    const f = p.fairness || {};
    const totals = p.monthTotals.reduce((a, b) => a + b, 0);
    summaryBox.replaceChildren(
      h('h2', { 'data-test': 'plan-id' }, p.planId),
      h('div.cards',
        card('Origin', p.originMonth, `plans ${p.months[0]} – ${p.months[p.months.length - 1]}`),
        card('Hours planned', fmt(totals), `${fmt(p.lsoas)} LSOAs, ${fmt(p.wards)} wards`, 'plan-hours'),
        card('Objective', fmt(p.figures.objective, 1), `gap ${pct(p.figures.gap, 3)}, ${fmt(p.figures.solveMillis)} ms`),
        solverCard(p.figures.solver, p.figures.forecastModelVersion),
        card('Hours per forecast burglary', `${fmt(f.minHoursPerForecastBurglary, 1)} – ${fmt(f.maxHoursPerForecastBurglary, 1)}`, 'lowest and highest ward'),
        card('Hours share / population share', `${fmt(f.minHoursToPopulationShare, 2)} – ${fmt(f.maxHoursToPopulationShare, 2)}`, 'lowest and highest ward', 'fairness'),
        card('Forecast burglaries covered above the floor', pct(f.forecastShareAboveMinimum), `${fmt(f.wardsAtFloor)} ward-months at their fairness floor`),
        p.change ? card('Change from previous plan', fmt(p.change.hoursMoved, 0) + ' h moved', `${fmt(p.change.lsoasChanged)} LSOA-months changed vs ${p.change.previousPlanId}`) : null),
      p.bindingConstraints.length ? h('p.muted', 'Binding: ' + p.bindingConstraints.join(', ')) : null);
    monthSelect.replaceChildren(...p.months.map((m, i) => h('option', { value: i, selected: i === monthIndex }, m)));
    wardBox.replaceChildren(dataTable([
      { key: 'wardName', label: 'Ward' }, { key: 'borough', label: 'Borough' }, { key: 'population', label: 'Residents', num: true, digits: 0 },
      { key: 'hours', label: 'Hours (plan)', num: true, digits: 0 }, { key: 'forecast', label: 'Forecast burglaries', num: true, digits: 1 },
      { key: 'hoursPerForecast', label: 'Hours per burglary', num: true, digits: 1 }, { key: 'floorHours', label: 'Fairness floor', num: true, digits: 0 },
      { key: 'hoursToPopulationShare', label: 'Hours/population share', num: true, digits: 2 }], planBody.wards, { test: 'ward-table', limit: 100 }));
    const boroughs = new Map(planBody.wards.map((w) => [w.boroughCode, w.borough]));
    boroughSelect.replaceChildren(h('option', { value: '' }, '(no borough cap)'),
      ...[...boroughs].sort((a, b) => String(a[1]).localeCompare(String(b[1]))).map(([code, name]) => h('option', { value: code }, name)));
  }

  async function showHours() {
    if (!planBody.plan) return;
    view.value = 'hours';
    const d = await get('/api/plan/hours?month=' + monthIndex);
    const days = daysIn(d.month);
    const perDay = d.hours.map((v) => (v == null ? null : v / days));
    map.paint(perDay, sequential(perDay), { title: 'Patrol hours per day, ' + d.month, format: (v) => fmt(v, 2) });
  }

  function showDelta() {
    const delta = lastResult.diff.lsoaDelta;
    map.paint(delta, diverging(delta), { title: 'What-if minus current, hours', format: (v) => (v > 0 ? '+' : '') + fmt(v, 1) });
  }

  async function runWhatIf() {
    const token = tokenIn.value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    const body = { budgetHoursPerDayPerLsoa: +budget.value, minHoursPerDay: +minIn.value, maxHoursPerDay: +maxIn.value, wardFloorShare: +floorIn.value };
    if (boroughSelect.value && capIn.value !== '') body.boroughCaps = { [boroughSelect.value]: +capIn.value };
    runButton.disabled = true;
    resultBox.replaceChildren(h('p.muted', { 'data-test': 'whatif-running' }, 'Asking the allocator…'));
    const started = performance.now();
    try {
      lastResult = await post('/api/whatif', body, token);
      showResult(performance.now() - started);
    } catch (e) {
      resultBox.replaceChildren(h('div.error', { 'data-test': 'whatif-error' }, e.message));
    } finally {
      runButton.disabled = !session.writesEnabled;
    }
  }

  function showResult(ms) {
    const r = lastResult;
    if (r.status !== 'OPTIMAL') {
      resultBox.replaceChildren(h('div.error', { 'data-test': 'whatif-status' }, `${r.status}: ${r.message || ''}`));
      return;
    }
    const d = r.diff;
    const cur = r.current || {};
    const f0 = cur.fairness || {};
    const f1 = r.plan.fairness || {};
    const parts = [h('h3', { 'data-test': 'whatif-status' }, `${r.status} in ${fmt(ms / 1000, 1)} s`)];
    if (d) {
      const base = d.baseTotals.reduce((a, b) => a + b, 0);
      const cand = d.candidateTotals.reduce((a, b) => a + b, 0);
      parts.push(h('div.cards',
        card('Hours, current → what-if', `${fmt(base)} → ${fmt(cand)}`, (d.netChange >= 0 ? '+' : '') + fmt(d.netChange) + ' h over ' + d.months.length + ' months', 'whatif-hours'),
        card('Hours moved', fmt(d.hoursMoved), `${fmt(d.lsoaMonthsChanged)} LSOA-months changed; largest ${fmt(d.maxChange, 1)} h`, 'whatif-moved'),
        card('Objective', `${fmt(cur.figures && cur.figures.objective, 1)} → ${fmt(r.plan.figures.objective, 1)}`),
        card('Hours/population share', `${fmt(f0.minHoursToPopulationShare, 2)}–${fmt(f0.maxHoursToPopulationShare, 2)} → ${fmt(f1.minHoursToPopulationShare, 2)}–${fmt(f1.maxHoursToPopulationShare, 2)}`, 'lowest–highest ward')),
        h('h4', 'Change by borough (hours)'),
        barChart(Object.entries(d.boroughs).sort((a, b) => a[1] - b[1]).map(([b, v]) => ({ label: b, value: v })), { format: (v) => (v > 0 ? '+' : '') + fmt(v, 0), test: 'borough-delta' }),
        h('h4', 'Wards that change most'),
        dataTable([{ key: 'wardName', label: 'Ward' }, { key: 'borough', label: 'Borough' }, { key: 'current', label: 'Current h', num: true, digits: 0 },
          { key: 'whatIf', label: 'What-if h', num: true, digits: 0 }, { key: 'delta', label: 'Change', num: true, digits: 0 }], d.wards, { limit: 15, test: 'whatif-wards' }));
      view.value = 'delta';
      showDelta();
    } else {
      parts.push(h('p.muted', 'No current plan to compare with.'));
    }
    resultBox.replaceChildren(...parts);
  }

  showSummary();
  await showHours();

  return {
    async refresh(channels) {
      if (!channels.has('plans')) return;
      planBody = await get('/api/plan');
      showSummary();
      if (view.value === 'hours') await showHours();
      ctx.toast('A new plan arrived: ' + (planBody.plan ? planBody.plan.planId : ''));
    },
    unmount() {
      map.destroy();
    },
  };
}
