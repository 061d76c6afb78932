import { api, ApiError } from '../api.js';
import { chartCard, dataTable } from '../charts.js';
import { h } from '../dom.js';
import { money, number, percent, text } from '../format.js';
import { t } from '../i18n.js';
import { severityBadge, statusBadge } from './alerts.js';
import { gradeBadge } from './customers.js';

const buckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181_plus'];
const agingColours = ['#1b7f3b', '#8aa83a', '#d9a400', '#e07b00', '#c9461f', '#8e1b14'];
const indicators = [
  ['open_ar', money], ['overdue_ar', money], ['dso', (v) => number(v, 1)], ['net_collection_rate', (v) => percent(v, 1)],
  ['max_days_late', (v) => number(v, 0)], ['avg_days_late', (v) => number(v, 1)], ['on_time_rate', (v) => percent(v, 1)],
  ['sales_12m', money], ['oldest_days_past_due', (v) => number(v, 0)], ['frequency_change', (v) => percent(v, 1)],
  ['complaints_90d', (v) => number(v, 0)], ['broken_promises_180d', (v) => number(v, 0)], ['expected_loss', money],
];

export async function customerPage(main, me, params, id) {
  let view;
  try {
    view = await api(`/api/customers/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      main.replaceChildren(back(), h('h1', {}, t('customer.notFound')));
      return;
    }
    throw e;
  }
  const c = view.customer;
  const a = view.assessment;
  const facts = (pairs) => h('dl', { class: 'facts' }, pairs.map(([k, v]) => h('div', {}, h('dt', {}, t(k)), h('dd', {}, v))));

  const header = h('header', { class: 'customer-head' },
    h('div', {}, h('h1', {}, c.name), h('p', { class: 'muted' }, c.customer_id), reportLinks(`/api/reports/customers/${encodeURIComponent(c.customer_id)}`, 'report.customer')),
    a ? h('div', { class: 'big-grade', 'aria-label': `${t('customer.grade')} ${a.grade}` }, gradeBadge(a.grade)) : null);

  const profile = facts([['customer.region', text(c.region)], ['customer.owner', text(c.sales_owner)], ['customer.industry', text(c.industry)],
    ['customer.since', text(c.customer_since)], ['customer.terms', number(c.payment_terms_days, 0)]]);

  if (!a) {
    main.replaceChildren(back(), header, profile, h('p', {}, t('customer.notAssessed')), reviewsCard(view.operations), collectionsCard(view.operations));
    return;
  }

  const components = [['customer.collection', a.grade_components.collection], ['customer.timeliness', a.grade_components.timeliness],
    ['customer.focus', a.grade_components.focus]];
  const trend = view.trend;

  main.replaceChildren(
    back(), header, profile,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'grade-title' },
        h('h2', { id: 'grade-title' }, t('customer.components')),
        h('ul', { class: 'components' }, components.map(([k, g]) => h('li', {}, h('span', {}, t(k)), gradeBadge(g)))),
        a.vetoed ? h('p', { class: 'warn' }, t('customer.vetoed')) : null,
        facts([['customer.score', number(a.credit_score, 0)], ['customer.pd', percent(a.pd, 2)],
          ['customer.nextReview', text(a.next_review)], ['customer.dunning', text(a.dunning_level)]]),
        h('h3', {}, t('customer.reasons')),
        h('ol', { class: 'reasons' }, a.score_reasons.map((r) => h('li', {}, r)))),
      h('section', { class: 'card', 'aria-labelledby': 'limits-title' },
        h('h2', { id: 'limits-title' }, t('customer.limits')),
        facts([['customer.limit', money(a.credit_limit)], ['customer.recommended', money(a.recommended_limit)],
          ['customer.terms', number(a.terms_days, 0)], ['customer.requirement', text(a.requirement)],
          ['customer.utilisation', percent(a.utilisation)], ['customer.exposure', money(a.exposure)]]),
        h('h3', {}, t('customer.indicators')),
        dataTable([t('customer.indicators'), t('customer.value')], indicators.map(([k, f]) => [t(`ind.${k}`), f(a[k])]))),
      chartCard('chart-customer-aging', t('customer.aging'), {
        xAxis: { type: 'category', data: buckets.map((b) => t(`aging.${b}`)), axisLabel: { interval: 0 } }, yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('kpi.openAr'), data: buckets.map((b, i) => ({ value: a.aging[b], itemStyle: { color: agingColours[i] } })) }],
      }, dataTable([t('customer.aging'), t('kpi.openAr')], buckets.map((b) => [t(`aging.${b}`), money(a.aging[b])]))),
      chartCard('chart-trend', t('chart.trend'), {
        legend: { top: 0 },
        xAxis: { type: 'category', data: trend.map((p) => p.as_of) },
        yAxis: [{ type: 'value', name: t('trend.openAr') }, { type: 'value', name: t('trend.score'), min: 0, max: 1000, position: 'right' }],
        series: [
          { type: 'bar', name: t('trend.openAr'), data: trend.map((p) => p.open_ar), itemStyle: { color: '#9bb7d4' } },
          { type: 'bar', name: t('trend.overdue'), data: trend.map((p) => p.overdue_ar), itemStyle: { color: '#c9461f' } },
          { type: 'line', name: t('trend.score'), yAxisIndex: 1, data: trend.map((p) => p.credit_score),
            label: { show: true, formatter: (x) => trend[x.dataIndex].grade } },
        ],
      }, dataTable([t('col.asOf'), t('col.grade'), t('trend.score'), t('trend.openAr'), t('trend.overdue')],
        trend.map((p) => [p.as_of, p.grade, number(p.credit_score, 0), money(p.open_ar), money(p.overdue_ar)])))),
    alertsCard(view.operations, a),
    reviewsCard(view.operations),
    collectionsCard(view.operations));
}

// The customer's alerts with their status (open, acknowledged, resolved); before any alert is stored (the alerts were
// never synchronised), the rules that fired in the latest assessment.
function alertsCard(operations, a) {
  const stored = operations?.alerts ?? [];
  let body;
  if (stored.length > 0) {
    body = dataTable([t('alert.id'), t('customer.rule'), t('customer.severity'), t('customer.value'), t('customer.threshold'), t('alert.status'),
      t('alert.firstSeen'), t('alert.lastSeen'), t('alert.by'), t('customer.message')],
    stored.map((x) => [String(x.alert_id), x.rule, severityBadge(x.severity), number(x.value, 4), number(x.threshold, 4), statusBadge(x.status),
      x.first_seen, x.last_seen, text(x.resolved_by ?? x.acknowledged_by), x.message]));
  } else if (a.alerts.length > 0) {
    body = dataTable([t('customer.rule'), t('customer.severity'), t('customer.value'), t('customer.threshold'), t('customer.message')],
      a.alerts.map((x) => [x.rule, severityBadge(x.severity), number(x.value, 4), number(x.threshold, 4), x.message]));
  } else {
    body = h('p', {}, t('customer.noAlerts'));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'alerts-title' }, h('h2', { id: 'alerts-title' }, t('customer.alerts')), body);
}

function reviewsCard(operations) {
  if (!operations || operations.reviews === null || operations.reviews === undefined) return null;
  const reviews = operations.reviews;
  return h('section', { class: 'card', 'aria-labelledby': 'reviews-title' },
    h('h2', { id: 'reviews-title' }, t('customer.reviews')),
    reviews.length === 0 ? h('p', {}, t('customer.noReviews'))
      : dataTable([t('reviews.date'), t('reviews.reviewer'), t('reviews.decision'), t('reviews.reason'), t('reviews.newLimit'), t('reviews.recommendation')],
        reviews.map((r) => [r.reviewed_on, r.reviewer, t(`decision.${r.decision}`), r.reason, money(r.new_limit),
          `${t(`decision.${r.recommendation.decision}`)} · ${money(r.recommendation.recommended_limit)}`])));
}

function collectionsCard(operations) {
  if (!operations || operations.collections === null || operations.collections === undefined) return null;
  const { actions, promises } = operations.collections;
  return h('section', { class: 'card', 'aria-labelledby': 'collections-title' },
    h('h2', { id: 'collections-title' }, t('customer.collections')),
    h('h3', {}, t('customer.actions')),
    actions.length === 0 ? h('p', {}, t('customer.noActions'))
      : dataTable([t('collections.date'), t('collections.kind'), t('alert.by'), t('alert.note')],
        actions.map((x) => [x.action_date, t(`action.${x.kind}`), x.by, text(x.note)])),
    h('h3', {}, t('customer.promises')),
    promises.length === 0 ? h('p', {}, t('customer.noPromises'))
      : dataTable([t('collections.promisedOn'), t('collections.amount'), t('collections.payBy'), t('alert.status'), t('collections.paid'), t('alert.by')],
        promises.map((p) => [p.promised_on, money(p.amount), p.pay_by, t(`promise.${p.status}`), money(p.paid_amount), p.recorded_by])));
}

// The risk report as a page, PDF or Markdown (plain links: the server renders them).
export function reportLinks(path, label) {
  const and = path.includes('?') ? '&' : '?';
  return h('p', { class: 'report-links' },
    h('a', { href: path, class: 'report-link' }, t(label)), ' · ',
    h('a', { href: `${path}${and}format=pdf`, type: 'application/pdf' }, t('report.pdf')), ' · ',
    h('a', { href: `${path}${and}format=md`, type: 'text/markdown' }, t('report.md')));
}

function back() {
  return h('p', {}, h('a', { href: '/customers', 'data-link': true }, t('customer.back')));
}
