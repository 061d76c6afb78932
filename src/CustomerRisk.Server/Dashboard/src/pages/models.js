import { api } from '../api.js';
import { chartCard, dataTable } from '../charts.js';
import { h } from '../dom.js';
import { number, percent, text } from '../format.js';
import { t } from '../i18n.js';

// The model page: the registered models, and for the chosen one (the active one unless another is picked) its
// validation curves — ROC, calibration by decile — and the stability of its PD distribution (PSI) against the
// current portfolio.
export async function modelsPage(main, me, params) {
  const list = await api('/api/models');
  const models = list.registered;
  const files = list.files.length === 0 ? null : h('section', { class: 'card', 'aria-labelledby': 'files-title' },
    h('h2', { id: 'files-title' }, t('models.files')),
    dataTable([t('models.file'), t('models.model'), t('models.algorithm'), t('models.auc')],
      list.files.map((f) => [f.file, text(f.model_id ?? f.error), text(f.algorithm), number(f.metrics?.validation?.auc, 3)])));
  if (models.length === 0) {
    main.replaceChildren(...[h('h1', {}, t('models.title')), h('p', {}, t('models.none')), files].filter(Boolean));
    return;
  }

  const chosen = models.find((m) => m.model_id === params.get('id') && String(m.version) === params.get('version'))
    ?? models.find((m) => m.active) ?? [...models].reverse().find((m) => m.has_curves) ?? models[models.length - 1];
  const detail = await api(`/api/models/${encodeURIComponent(chosen.model_id)}/versions/${chosen.version}`);

  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'model-table' },
    h('thead', {}, h('tr', {}, ['models.model', 'models.version', 'models.algorithm', 'models.created', 'models.activeModel', 'models.auc', 'models.ks', 'models.gini']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, models.map((m) => {
      const v = m.metrics.validation ?? m.metrics.training ?? {};
      const current = m === chosen;
      return h('tr', { 'aria-current': current ? 'true' : null, class: current ? 'chosen' : null },
        h('td', {}, h('a', { href: `/models?id=${encodeURIComponent(m.model_id)}&version=${m.version}`, 'data-link': true }, m.model_id)),
        h('td', { class: 'num' }, String(m.version)),
        h('td', {}, m.algorithm),
        h('td', {}, m.created_at.slice(0, 10)),
        h('td', {}, m.active ? h('strong', {}, t('models.active')) : ''),
        h('td', { class: 'num' }, number(v.auc, 3)),
        h('td', { class: 'num' }, number(v.ks, 3)),
        h('td', { class: 'num' }, number(v.gini, 3)));
    }))));

  main.replaceChildren(...[
    h('h1', {}, t('models.title')),
    table,
    h('h2', { id: 'model-name' }, `${chosen.name} · ${chosen.algorithm}`),
    detail.curves ? curvesSection(detail) : h('p', { class: 'muted' }, t('models.noCurves')),
    files,
  ].filter(Boolean));
}

function curvesSection(detail) {
  const c = detail.curves;
  const facts = h('dl', { class: 'kpis' }, [
    ['models.auc', number(c.auc, 3)], ['models.ks', number(c.ks, 3)], ['models.gini', number(c.gini, 3)],
    ['models.brier', number(c.brier, 4)], ['models.rows', `${number(c.rows, 0)} (${number(c.bads, 0)})`],
  ].map(([k, v]) => h('div', { class: 'kpi' }, h('dt', {}, t(k)), h('dd', {}, v))));

  const roc = chartCard('chart-roc', t('models.roc'), {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: t('models.fpr'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', min: 0, max: 1, name: t('models.tpr') },
    series: [
      { type: 'line', name: `AUC ${number(c.auc, 3)}`, showSymbol: false, data: c.roc.map((p) => [p.false_positive_rate, p.true_positive_rate]), areaStyle: { opacity: 0.12 } },
      { type: 'line', name: t('models.chance'), showSymbol: false, lineStyle: { type: 'dashed', color: '#888' }, itemStyle: { color: '#888' }, data: [[0, 0], [1, 1]] },
    ],
  }, dataTable([t('models.fpr'), t('models.tpr')],
    c.roc.filter((_, i) => i % Math.max(1, Math.ceil(c.roc.length / 20)) === 0 || i === c.roc.length - 1)
      .map((p) => [percent(p.false_positive_rate), percent(p.true_positive_rate)])));

  const calibration = chartCard('chart-calibration', t('models.calibration'), {
    legend: { top: 0 },
    xAxis: { type: 'category', name: t('models.decile'), nameLocation: 'middle', nameGap: 28, data: c.calibration.map((b) => String(b.band)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => `${Math.round(v * 1000) / 10}%` } },
    series: [
      { type: 'bar', name: t('models.observed'), data: c.calibration.map((b) => b.observed_bad_rate), itemStyle: { color: '#c9461f' } },
      { type: 'line', name: t('models.predicted'), data: c.calibration.map((b) => b.mean_predicted), itemStyle: { color: '#2563b0' } },
    ],
  }, dataTable([t('models.decile'), t('models.rows'), t('models.predicted'), t('models.observed')],
    c.calibration.map((b) => [String(b.band), number(b.rows, 0), percent(b.mean_predicted, 2), percent(b.observed_bad_rate, 2)])));

  const s = detail.stability;
  const psi = s
    ? chartCard('chart-psi', t('models.psi'), {
      legend: { top: 0 },
      xAxis: { type: 'category', name: t('models.band'), nameLocation: 'middle', nameGap: 28, data: s.bands.map((b) => bandLabel(b)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
      series: [
        { type: 'bar', name: t('models.reference'), data: s.bands.map((b) => b.reference_share), itemStyle: { color: '#9bb7d4' } },
        { type: 'bar', name: t('models.current'), data: s.bands.map((b) => b.recent_share), itemStyle: { color: '#2563b0' } },
      ],
    }, dataTable([t('models.band'), t('models.reference'), t('models.current'), t('models.contribution')],
      s.bands.map((b) => [bandLabel(b), percent(b.reference_share), percent(b.recent_share), number(b.contribution, 4)])))
    : null;

  return h('div', {},
    facts,
    h('div', { class: 'grid' }, roc, calibration, psi ?? h('section', { class: 'card' }, h('h2', {}, t('models.psi')), h('p', {}, detail.stability_note ?? t('models.psiNone')))),
    s ? h('p', { id: 'psi-value', class: s.reading === 'stable' ? 'verify-ok' : 'warn', role: 'status' },
      t('models.psiValue', number(s.psi, 3), t(`models.psi${s.reading[0].toUpperCase()}${s.reading.slice(1)}`)), ' ',
      h('span', { class: 'muted' }, t('models.psiAsOf', s.as_of, number(s.customers, 0)))) : null);
}

function bandLabel(b) {
  const lo = b.lower === null ? '0' : percent(b.lower, 1);
  const hi = b.upper === null ? '100%' : percent(b.upper, 1);
  return `${lo}–${hi}`;
}
