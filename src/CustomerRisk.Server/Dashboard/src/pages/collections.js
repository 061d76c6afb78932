import { api } from '../api.js';
import { h } from '../dom.js';
import { money, number, percent, text } from '../format.js';
import { t } from '../i18n.js';

export const actionKinds = ['call', 'email', 'letter', 'visit', 'agency'];

export function canWorkCollections(me) { return ['admin', 'credit_manager', 'collector'].includes(me.role); }

// The collection worklist: overdue customers ordered by expected loss on the overdue part (overdue × PD × LGD), with
// the dunning level, the last action and the open promise; collectors record an action or a promise to pay.
export async function collectionsPage(main, me, params) {
  const query = new URLSearchParams();
  if (params.get('as_of')) query.set('as_of', params.get('as_of'));
  if (params.get('page')) query.set('page', params.get('page'));
  query.set('page_size', '50');
  const list = await api(`/api/collections?${query}`);
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const forms = canWorkCollections(me) ? workForms() : null;

  const filter = h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (value) next.set(key, value);
    go(`/collections?${next}`);
  } },
  h('label', {}, t('portfolio.asOf'), ' ', h('input', { type: 'date', name: 'as_of', value: params.get('as_of') ?? '' })),
  h('button', { type: 'submit' }, t('portfolio.show')));

  const headers = ['col.id', 'col.name', 'col.overdue', 'col.pd', 'collections.lgd', 'collections.loss', 'collections.oldest',
    'collections.dunning', 'collections.todo', 'collections.lastAction', 'collections.promise'];
  if (forms) headers.push('reviews.action');
  const rows = list.items.map((r) => h('tr', { dataset: { customerId: r.customer_id } },
    h('td', {}, h('a', { href: `/customers/${encodeURIComponent(r.customer_id)}`, 'data-link': true }, r.customer_id)),
    h('td', {}, text(r.name)),
    h('td', { class: 'num' }, money(r.overdue_ar)),
    h('td', { class: 'num' }, percent(r.pd, 2)),
    h('td', { class: 'num' }, percent(r.lgd, 1)),
    h('td', { class: 'num' }, money(r.loss_on_overdue)),
    h('td', { class: 'num' }, number(r.oldest_days_past_due, 0)),
    h('td', {}, r.dunning_level),
    h('td', {}, r.dunning_action),
    h('td', {}, r.last_action ? `${t(`action.${r.last_action.kind}`)} ${r.last_action.action_date} · ${r.last_action.by}` : text(null)),
    h('td', { class: 'promise-cell' }, r.open_promise ? t('collections.promiseText', money(r.open_promise.amount), r.open_promise.pay_by) : text(null)),
    forms ? h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': t('collections.workThis', r.customer_id),
      onclick: () => forms.choose(r.customer_id) }, t('collections.work'))) : null));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/collections?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  main.replaceChildren(
    h('h1', {}, t('collections.title', list.as_of)),
    filter,
    h('p', {}, t('collections.count', list.total, money(list.overdue_ar))),
    forms ? forms.card : null,
    list.items.length === 0 ? h('p', {}, t('collections.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'worklist-table' },
      h('thead', {}, h('tr', {}, headers.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', list.page, pages) },
      list.page > 1 ? pageLink(list.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', list.page, pages)),
      list.page < pages ? pageLink(list.page + 1, t('customers.next')) : null));
}

function workForms() {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const customer = h('input', { type: 'text', name: 'customer', id: 'work-customer', required: true, maxlength: 200 });
  const submit = (path, body, done) => async (e) => {
    e.preventDefault();
    const id = customer.value.trim();
    if (!id) {
      status.replaceChildren(h('span', { class: 'error' }, t('collections.chooseCustomer')));
      customer.focus();
      return;
    }
    const button = e.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await api(`/api/customers/${encodeURIComponent(id)}/collections/${path}`, { method: 'POST', json: body(new FormData(e.target)) });
      status.replaceChildren(done(result));
      e.target.reset();
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.message)));
    } finally {
      button.disabled = false;
    }
  };

  const action = h('form', { id: 'action-form', class: 'subform', onsubmit: submit('actions',
    (d) => ({ kind: d.get('kind'), action_date: d.get('action_date') || null, note: d.get('note') || null }),
    (r) => t('collections.actionRecorded', r.action.action_id, t(`action.${r.action.kind}`), r.action.customer_id, r.action.by)) },
  h('h3', {}, t('collections.action')),
  h('div', { class: 'toolbar' },
    h('label', {}, t('collections.kind'), ' ', h('select', { name: 'kind' }, actionKinds.map((k) => h('option', { value: k }, t(`action.${k}`))))),
    h('label', {}, t('collections.date'), ' ', h('input', { type: 'date', name: 'action_date' })),
    h('label', {}, t('alert.note'), ' ', h('input', { type: 'text', name: 'note', maxlength: 2000 })),
    h('button', { type: 'submit' }, t('collections.recordAction'))));

  const promise = h('form', { id: 'promise-form', class: 'subform', onsubmit: submit('promises',
    (d) => ({ amount: Number(d.get('amount')), pay_by: d.get('pay_by'), promised_on: d.get('promised_on') || null, note: d.get('note') || null }),
    (r) => t('collections.promiseRecorded', r.promise.promise_id, r.promise.customer_id, money(r.promise.amount), r.promise.pay_by)) },
  h('h3', {}, t('collections.promiseTitle')),
  h('div', { class: 'toolbar' },
    h('label', {}, t('collections.amount'), ' ', h('input', { type: 'number', name: 'amount', min: '0.01', step: '0.01', required: true })),
    h('label', {}, t('collections.payBy'), ' ', h('input', { type: 'date', name: 'pay_by', required: true })),
    h('label', {}, t('collections.promisedOn'), ' ', h('input', { type: 'date', name: 'promised_on' })),
    h('label', {}, t('alert.note'), ' ', h('input', { type: 'text', name: 'note', maxlength: 2000 })),
    h('button', { type: 'submit' }, t('collections.recordPromise'))));

  const card = h('section', { class: 'card', 'aria-labelledby': 'work-title' },
    h('h2', { id: 'work-title' }, t('collections.record')),
    h('label', {}, t('col.id'), ' ', customer),
    action, promise, status);
  return {
    card,
    choose(id) {
      customer.value = id;
      action.kind.focus();
    },
  };
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
