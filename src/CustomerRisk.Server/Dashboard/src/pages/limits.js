import { api, ApiError } from '../api.js';
import { dataTable } from '../charts.js';
import { h } from '../dom.js';
import { money, text } from '../format.js';
import { t } from '../i18n.js';
import { gradeBadge } from './customers.js';

export function canGrantLimits(me) { return me.role === 'admin' || me.role === 'credit_manager'; }

// A customer's credit limits: the effective one and where it comes from, the policy's recommendation with its
// calculation, and the history of grants; admin and credit managers grant a limit, approved by the signed-in user.
export async function limitsPage(main, me, params, message = null) {
  const customerId = (params.get('customer') ?? '').trim();
  const asOf = params.get('as_of') ?? '';
  const lookup = h('form', { class: 'toolbar', id: 'limits-lookup', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (String(value).trim()) next.set(key, String(value).trim());
    go(`/limits?${next}`);
  } },
  h('label', {}, t('col.id'), ' ', h('input', { name: 'customer', required: true, maxlength: 200, autocomplete: 'off', value: customerId })),
  h('label', {}, t('portfolio.asOf'), ' ', h('input', { type: 'date', name: 'as_of', value: asOf })),
  h('button', { type: 'submit' }, t('portfolio.show')));

  if (!customerId) {
    main.replaceChildren(h('h1', {}, t('limits.title')), lookup, h('p', { class: 'muted' }, t('limits.help')));
    return;
  }

  let limits;
  try {
    limits = await api(`/api/customers/${encodeURIComponent(customerId)}/limits${asOf ? `?as_of=${encodeURIComponent(asOf)}` : ''}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      main.replaceChildren(h('h1', {}, t('limits.title')), lookup, h('p', { class: 'error', role: 'alert' }, t('order.notFound', customerId)));
      return;
    }
    throw e;
  }

  const status = h('p', { class: 'status', id: 'limit-status', role: 'status', 'aria-live': 'polite' }, message ?? '');
  main.replaceChildren(
    h('h1', {}, t('limits.titleOf', limits.customer_id, limits.as_of)),
    lookup,
    h('dl', { class: 'kpis' },
      h('div', { class: 'kpi' }, h('dt', {}, t('limits.effective')), h('dd', { id: 'limit-effective' },
        limits.effective_limit === null ? t('order.noLimit') : money(limits.effective_limit))),
      h('div', { class: 'kpi' }, h('dt', {}, t('limits.source')), h('dd', { id: 'limit-source' }, t(`limits.source.${limits.source}`))),
      h('div', { class: 'kpi' }, h('dt', {}, t('limits.imported')), h('dd', {}, money(limits.imported_credit_limit))),
      h('div', { class: 'kpi' }, h('dt', {}, t('customer.recommended')), h('dd', { id: 'limit-recommended' }, money(limits.recommended_limit))),
      h('div', { class: 'kpi' }, h('dt', {}, t('customer.grade')), h('dd', {}, gradeBadge(limits.grade)))),
    h('details', {}, h('summary', {}, t('limits.calculation')), h('ul', {}, limits.calculation_log.map((line) => h('li', {}, line)))),
    canGrantLimits(me) ? grantForm(limits, status, (done) => limitsPage(main, me, params, done)) : null,
    status,
    h('h2', {}, t('limits.history')),
    limits.grants.length === 0 ? h('p', {}, t('limits.noGrants')) : h('div', { class: 'table-wrap', id: 'grant-table' },
      dataTable([t('limits.grantedAt'), t('limits.kind'), t('limits.amount'), t('limits.from'), t('limits.to'), t('limits.approver'),
        t('reviews.reason'), t('limits.applies')],
      [...limits.grants].reverse().map((g) => [g.granted_at.slice(0, 16).replace('T', ' '), t(`limits.kind.${g.kind}`), money(g.amount),
        g.valid_from, text(g.valid_to), g.approver, g.review_id ? `${g.reason} (${t('limits.review', g.review_id)})` : g.reason,
        g.applies_on ? t('reviews.yes') : t('reviews.no')]))));
}

function grantForm(limits, status, reload) {
  const form = h('form', { id: 'grant-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target;
    const body = {
      amount: Number(f.amount.value),
      reason: f.reason.value,
      valid_from: f.valid_from.value || null,
      valid_to: f.valid_to.value || null,
      temporary: f.temporary.checked,
    };
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = await api(`/api/customers/${encodeURIComponent(limits.customer_id)}/limits`, { method: 'POST', json: body });
      // The page is drawn again so the effective limit and the history include the grant; the message stays.
      await reload(t('limits.granted', money(answer.grant.amount), limits.customer_id, answer.grant.approver,
        answer.effective_after === null ? t('order.noLimit') : money(answer.effective_after)));
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.problem?.errors ? Object.values(err.problem.errors).flat().join(' ') : err.message)));
    } finally {
      button.disabled = false;
    }
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('limits.amount'), ' ', h('input', { type: 'number', name: 'amount', min: 0, step: '0.01', required: true, inputmode: 'decimal' })),
    h('label', {}, t('limits.from'), ' ', h('input', { type: 'date', name: 'valid_from' })),
    h('label', {}, t('limits.to'), ' ', h('input', { type: 'date', name: 'valid_to' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'temporary' }), ' ', t('limits.temporary'))),
  h('label', { class: 'block' }, t('reviews.reason'), ' ', h('textarea', { name: 'reason', required: true, maxlength: 2000, rows: 2 })),
  h('button', { type: 'submit' }, t('limits.grant')));
  return h('section', { class: 'card', 'aria-labelledby': 'grant-form-title' },
    h('h2', { id: 'grant-form-title' }, t('limits.grantTitle')), h('p', { class: 'muted' }, t('limits.grantHelp')), form);
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
