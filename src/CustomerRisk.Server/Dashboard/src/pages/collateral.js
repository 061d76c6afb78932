import { api } from '../api.js';
import { h } from '../dom.js';
import { money, number, percent, text } from '../format.js';
import { t } from '../i18n.js';

export const coverKinds = ['guarantee', 'collateral', 'credit_insurance', 'deposit', 'letter_of_credit'];
const statuses = ['not_yet_valid', 'active', 'expiring', 'expired'];

export function canRegisterCovers(me) { return me.role === 'admin' || me.role === 'credit_manager'; }

// The register of guarantees and collateral as of a date: what each cover counts (value less the haircut) and when
// it expires; admin and credit managers register a cover, as the signed-in user.
export async function collateralPage(main, me, params, message = null) {
  const query = new URLSearchParams();
  for (const key of ['as_of', 'status', 'customer', 'page']) if (params.get(key)) query.set(key, params.get(key));
  query.set('page_size', '50');
  const register = await api(`/api/collateral?${query}`);
  const pages = Math.max(1, Math.ceil(register.total / register.page_size));
  const status = h('p', { class: 'status', id: 'cover-status', role: 'status', 'aria-live': 'polite' }, message ?? '');

  const filter = h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (String(value).trim()) next.set(key, String(value).trim());
    go(`/collateral?${next}`);
  } },
  h('label', {}, t('portfolio.asOf'), ' ', h('input', { type: 'date', name: 'as_of', value: params.get('as_of') ?? '' })),
  h('label', {}, t('col.id'), ' ', h('input', { name: 'customer', maxlength: 200, value: params.get('customer') ?? '' })),
  h('label', {}, t('alert.status'), ' ', h('select', { name: 'status' },
    h('option', { value: '' }, t('customers.all')),
    statuses.map((s) => h('option', { value: s, selected: params.get('status') === s }, t(`cover.status.${s}`))))),
  h('button', { type: 'submit' }, t('customers.apply')));

  const rows = register.items.map((r) => h('tr', { dataset: { coverId: r.item.cover_id } },
    h('td', {}, String(r.item.cover_id)),
    h('td', {}, h('a', { href: `/customers/${encodeURIComponent(r.item.customer_id)}`, 'data-link': true }, r.item.customer_id)),
    h('td', {}, t(`cover.kind.${r.item.kind}`)),
    h('td', {}, text(r.item.description)),
    h('td', { class: 'num' }, money(r.item.value)),
    h('td', { class: 'num' }, percent(r.item.haircut, 1)),
    h('td', { class: 'num' }, money(r.counted_value)),
    h('td', {}, r.item.valid_from),
    h('td', {}, text(r.item.expiry)),
    h('td', { class: 'num' }, r.days_to_expiry === null ? text(null) : number(r.days_to_expiry, 0)),
    h('td', {}, h('span', { class: `badge cover-${r.status}` }, t(`cover.status.${r.status}`))),
    h('td', {}, r.item.recorded_by)));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/collateral?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  main.replaceChildren(
    h('h1', {}, t('cover.title', register.as_of)),
    filter,
    h('p', {}, t('cover.count', register.total, money(register.counted_value))),
    canRegisterCovers(me) ? coverForm(params, status, (next, done) => {
      history.pushState({}, '', `/collateral?${next}`);
      return collateralPage(main, me, next, done);
    }) : null,
    status,
    register.items.length === 0 ? h('p', {}, t('cover.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'cover-table' },
      h('thead', {}, h('tr', {}, ['cover.id', 'col.id', 'cover.kind', 'cover.description', 'cover.value', 'cover.haircut', 'cover.counted',
        'limits.from', 'cover.expiry', 'cover.days', 'alert.status', 'alert.by'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', register.page, pages) },
      register.page > 1 ? pageLink(register.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', register.page, pages)),
      register.page < pages ? pageLink(register.page + 1, t('customers.next')) : null));
}

function coverForm(params, status, reload) {
  const form = h('form', { id: 'cover-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target;
    const customer = f.customer.value.trim();
    const body = {
      kind: f.kind.value,
      value: Number(f.value.value),
      haircut: f.haircut.value === '' ? 0 : Number(f.haircut.value) / 100,
      valid_from: f.valid_from.value || null,
      expiry: f.expiry.value || null,
      description: f.description.value || null,
    };
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await api(`/api/customers/${encodeURIComponent(customer)}/collateral`, { method: 'POST', json: body });
      const item = result.item;
      // The register is drawn again for this customer, so the new cover shows; the message stays.
      const next = new URLSearchParams(params);
      next.set('customer', item.customer_id);
      next.delete('page');
      await reload(next, t('cover.registered', item.cover_id, t(`cover.kind.${item.kind}`), item.customer_id, money(item.value), item.recorded_by));
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.problem?.errors ? Object.values(err.problem.errors).flat().join(' ') : err.message)));
    } finally {
      button.disabled = false;
    }
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('col.id'), ' ', h('input', { name: 'customer', required: true, maxlength: 200, autocomplete: 'off', value: params.get('customer') ?? '' })),
    h('label', {}, t('cover.kind'), ' ', h('select', { name: 'kind', required: true }, coverKinds.map((k) => h('option', { value: k }, t(`cover.kind.${k}`))))),
    h('label', {}, t('cover.value'), ' ', h('input', { type: 'number', name: 'value', min: '0.01', step: '0.01', required: true, inputmode: 'decimal' })),
    h('label', {}, t('cover.haircutPercent'), ' ', h('input', { type: 'number', name: 'haircut', min: 0, max: 100, step: '0.1', value: '0' })),
    h('label', {}, t('limits.from'), ' ', h('input', { type: 'date', name: 'valid_from' })),
    h('label', {}, t('cover.expiry'), ' ', h('input', { type: 'date', name: 'expiry' }))),
  h('label', { class: 'block' }, t('cover.description'), ' ', h('input', { name: 'description', maxlength: 2000 })),
  h('button', { type: 'submit' }, t('cover.register')));
  return h('section', { class: 'card', 'aria-labelledby': 'cover-form-title' }, h('h2', { id: 'cover-form-title' }, t('cover.add')), form);
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
