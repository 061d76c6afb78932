import { api, ApiError } from '../api.js';
import { dataTable } from '../charts.js';
import { h } from '../dom.js';
import { money } from '../format.js';
import { t } from '../i18n.js';

const decisionColours = { approve: '#1b7f3b', review: '#9a5b00', block: '#b3261e' };

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// The credit check of an order (POST /api/orders/check): the decision with its reasons, the exposure and the limit.
// Every check is recorded, and an approved order counts as exposure at once, so the form says so before it is sent.
export async function orderCheckPage(main, me, params) {
  const result = h('div', { id: 'order-result', role: 'status', 'aria-live': 'polite' });
  const field = (key, input) => h('label', { class: 'field' }, h('span', {}, t(key)), ' ', input);
  const form = h('form', { class: 'card', id: 'order-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target;
    const request = { customer_id: f.customer.value.trim(), amount: Number(f.amount.value), as_of: f.asOf.value || null };
    if (f.orderId.value.trim()) request.order_id = f.orderId.value.trim();
    result.replaceChildren(t('loading'));
    try {
      const answer = await api('/api/orders/check', { method: 'POST', json: request });
      result.replaceChildren(answerView(answer));
    } catch (err) {
      const message = err instanceof ApiError && err.status === 404 ? t('order.notFound', request.customer_id)
        : err instanceof ApiError && err.status === 403 ? t('order.forbidden')
          : t('error.generic', err.problem?.errors ? Object.values(err.problem.errors).flat().join(' ') : err.message);
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
    }
  } },
  h('p', { class: 'muted' }, t('order.help')),
  field('order.customer', h('input', { name: 'customer', required: true, maxlength: 200, autocomplete: 'off', value: params.get('customer') ?? '' })),
  ' ',
  field('order.amount', h('input', { name: 'amount', type: 'number', min: '0.01', step: '0.01', required: true, inputmode: 'decimal' })),
  ' ',
  field('order.date', h('input', { name: 'asOf', type: 'date', value: today(), required: true })),
  ' ',
  field('order.orderId', h('input', { name: 'orderId', maxlength: 200, autocomplete: 'off' })),
  ' ',
  h('button', { type: 'submit' }, t('order.submit')));
  main.replaceChildren(h('h1', {}, t('order.title')), form, result);
}

function answerView(answer) {
  const colour = decisionColours[answer.decision] ?? '#1d2430';
  return h('section', { class: 'card', 'aria-labelledby': 'order-decision' },
    h('p', { id: 'order-decision', class: 'big-grade', style: `color: ${colour}; font-size: 1.6rem; font-weight: 700`, dataset: { decision: answer.decision } },
      t(`order.decision.${answer.decision}`)),
    h('dl', { class: 'kpis' },
      h('div', { class: 'kpi' }, h('dt', {}, t('order.exposure')), h('dd', { id: 'order-exposure' }, money(answer.exposure))),
      h('div', { class: 'kpi' }, h('dt', {}, t('order.limit')), h('dd', { id: 'order-limit' }, answer.limit === null ? t('order.noLimit') : money(answer.limit)))),
    h('h2', {}, t('order.reasons')),
    dataTable([t('order.rule'), t('order.detail')], answer.reasons.map((r) => [t(`rule.${r.rule}`) === `rule.${r.rule}` ? r.rule : t(`rule.${r.rule}`), r.detail])));
}
