import { api } from '../api.js';
import { h } from '../dom.js';
import { money, number, percent, text } from '../format.js';
import { t } from '../i18n.js';

const sorts = ['expected_loss', 'customer_id', 'credit_score', 'overdue_ar', 'exposure'];

export function gradeBadge(grade) {
  return grade ? h('span', { class: `grade grade-${grade}`, title: `${t('col.grade')} ${grade}` }, grade) : text(null);
}

export async function customersPage(main, me, params) {
  const query = new URLSearchParams();
  for (const key of ['q', 'grade', 'region', 'owner', 'sort', 'page']) if (params.get(key)) query.set(key, params.get(key));
  query.set('page_size', '50');
  const [page, filters] = await Promise.all([api(`/api/customers?${query}`), api('/api/customers/filters')]);
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));

  const select = (name, label, values, labelOf = (v) => v) => h('label', {}, label, ' ',
    h('select', { name }, h('option', { value: '' }, t('customers.all')),
      values.map((v) => h('option', { value: v, selected: params.get(name) === v }, labelOf(v)))));

  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (value) next.set(key, value);
    go(`/customers?${next}`);
  } },
  h('label', {}, t('customers.search'), ' ', h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', maxlength: 200 })),
  select('grade', t('customers.grade'), ['A', 'B', 'C', 'D', 'N']),
  select('region', t('customers.region'), filters.regions),
  me.role === 'sales' ? null : select('owner', t('customers.owner'), filters.sales_owners),
  h('label', {}, t('customers.sort'), ' ', h('select', { name: 'sort' },
    sorts.map((s) => h('option', { value: s, selected: (params.get('sort') ?? 'expected_loss') === s }, t(`sort.${s}`))))),
  h('button', { type: 'submit' }, t('customers.apply')));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/customers?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  const rows = page.items.map((c) => h('tr', {},
    h('td', {}, h('a', { href: `/customers/${encodeURIComponent(c.customer_id)}`, 'data-link': true }, c.customer_id)),
    h('td', {}, c.name),
    h('td', {}, gradeBadge(c.grade)),
    h('td', { class: 'num' }, number(c.credit_score, 0)),
    h('td', { class: 'num' }, percent(c.pd, 2)),
    h('td', { class: 'num' }, money(c.open_ar)),
    h('td', { class: 'num' }, money(c.overdue_ar)),
    h('td', { class: 'num' }, number(c.dso, 0)),
    h('td', { class: 'num' }, money(c.expected_loss)),
    h('td', {}, text(c.region)),
    h('td', {}, text(c.sales_owner))));

  main.replaceChildren(
    h('h1', {}, t('customers.title')),
    form,
    h('p', { role: 'status' }, t('customers.count', page.total)),
    page.items.length === 0 ? h('p', {}, t('customers.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'customer-table' },
      h('thead', {}, h('tr', {}, ['col.id', 'col.name', 'col.grade', 'col.score', 'col.pd', 'col.openAr', 'col.overdue', 'col.dso', 'col.el', 'col.region', 'col.owner']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', page.page, pages) },
      page.page > 1 ? pageLink(page.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', page.page, pages)),
      page.page < pages ? pageLink(page.page + 1, t('customers.next')) : null));
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
