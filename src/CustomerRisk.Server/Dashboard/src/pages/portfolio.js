import { api } from '../api.js';
import { chartCard, dataTable } from '../charts.js';
import { h } from '../dom.js';
import { gradeColours, money, number, percent } from '../format.js';
import { t } from '../i18n.js';
import { reportLinks } from './customer.js';

const buckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181_plus'];
const agingColours = ['#1b7f3b', '#8aa83a', '#d9a400', '#e07b00', '#c9461f', '#8e1b14'];

export async function portfolioPage(main, me, params) {
  const asOf = params.get('as_of');
  const view = await api('/api/portfolio' + (asOf ? `?as_of=${encodeURIComponent(asOf)}` : ''));
  const p = view.portfolio;
  const form = h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    const value = e.target.as_of.value;
    history.pushState({}, '', value ? `/?as_of=${value}` : '/');
    dispatchEvent(new PopStateEvent('popstate'));
  } },
  h('label', {}, t('portfolio.asOf'), ' ', h('input', { type: 'date', name: 'as_of', value: p.as_of })),
  h('button', { type: 'submit' }, t('portfolio.show')),
  ['admin', 'credit_manager', 'analyst'].includes(me.role)
    ? h('button', { type: 'button', class: 'secondary', onclick: (e) => assess(e.target.form.as_of.value, status) }, t('portfolio.assess'))
    : null);
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

  const kpis = [
    ['kpi.customers', number(p.customers, 0)], ['kpi.openAr', money(p.open_ar)], ['kpi.overdueAr', money(p.overdue_ar)],
    ['kpi.dso', number(p.dso, 1)], ['kpi.el', money(p.expected_loss)], ['kpi.exposure', money(p.exposure)],
    ['kpi.top5', percent(p.top5_share)], ['kpi.hhi', number(p.hhi, 4)], ['kpi.churn', percent(p.churn_rate)], ['kpi.alerts', number(p.open_alerts, 0)],
  ];
  const grades = ['A', 'B', 'C', 'D', 'N'];
  const byGrade = Object.fromEntries(view.by_grade.map((g) => [g.grade, g]));

  // replaceChildren would print a null as text, so absent parts are filtered out.
  main.replaceChildren(...[
    h('h1', {}, t('portfolio.title', p.as_of)),
    reportLinks(`/api/reports/portfolio?as_of=${encodeURIComponent(p.as_of)}`, 'report.portfolio'),
    form, status,
    p.customers === 0 ? h('p', {}, t('portfolio.none')) : null,
    h('dl', { class: 'kpis' }, kpis.map(([key, value]) => h('div', { class: 'kpi' }, h('dt', {}, t(key)), h('dd', {}, value)))),
    h('div', { class: 'grid' },
      chartCard('chart-grades', t('chart.grades'), {
        xAxis: { type: 'category', data: grades }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('kpi.customers'), data: grades.map((g) => ({ value: p.grade_counts[g] ?? 0, itemStyle: { color: gradeColours[g] } })) }],
      }, dataTable([t('col.grade'), t('kpi.customers')], grades.map((g) => [g, p.grade_counts[g] ?? 0]))),
      chartCard('chart-aging', t('chart.aging'), {
        xAxis: { type: 'category', data: buckets.map((b) => t(`aging.${b}`)), axisLabel: { interval: 0 } }, yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('kpi.openAr'), data: buckets.map((b, i) => ({ value: p.aging[b], itemStyle: { color: agingColours[i] } })) }],
      }, dataTable([t('customer.aging'), t('kpi.openAr')], buckets.map((b) => [t(`aging.${b}`), money(p.aging[b])]))),
      chartCard('chart-concentration', t('chart.concentration'), {
        xAxis: { type: 'value', min: 0, max: 1, name: t('chart.customerShare'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
        yAxis: { type: 'value', min: 0, max: 1, name: t('chart.exposureShare'), axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
        legend: { top: 0 },
        series: [
          { type: 'line', name: t('chart.exposureShare'), showSymbol: false, data: view.concentration.map((c) => [c.customer_share, c.exposure_share]), areaStyle: { opacity: 0.15 } },
          { type: 'line', name: t('chart.equal'), showSymbol: false, itemStyle: { color: '#888' }, lineStyle: { type: 'dashed', color: '#888' }, data: [[0, 0], [1, 1]] },
        ],
      }, dataTable([t('chart.customerShare'), t('chart.exposureShare')],
        view.concentration.filter((_, i) => i % 10 === 0).map((c) => [percent(c.customer_share, 0), percent(c.exposure_share)]))),
      chartCard('chart-el', t('chart.el'), {
        xAxis: { type: 'category', data: grades }, yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('kpi.el'), data: grades.map((g) => ({ value: byGrade[g]?.expected_loss ?? 0, itemStyle: { color: gradeColours[g] } })) }],
      }, dataTable([t('col.grade'), t('kpi.exposure'), t('kpi.el')], grades.map((g) => [g, money(byGrade[g]?.exposure ?? 0), money(byGrade[g]?.expected_loss ?? 0)])))),
  ].filter(Boolean));
}

async function assess(asOf, status) {
  status.textContent = t('loading');
  try {
    const result = await api('/api/assess', { method: 'POST', json: { as_of: asOf || null } });
    status.textContent = t('portfolio.assessed', result.customers, result.as_of);
  } catch (e) {
    status.textContent = t('error.generic', e.message);
  }
}
