import { api } from '../api.js';
import { h } from '../dom.js';
import { number } from '../format.js';
import { t } from '../i18n.js';

// The audit trail: the chain's verification first (is the record intact?), then the records with filters and pages.
export async function auditPage(main, me, params) {
  const query = new URLSearchParams();
  for (const key of ['customer', 'kind', 'user', 'from', 'to', 'page']) if (params.get(key)) query.set(key, params.get(key));
  query.set('page_size', '50');
  const [verify, page] = await Promise.all([api('/api/audit/verify'), api(`/api/audit?${query}`)]);
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));

  const field = (name, label, type = 'text') => h('label', {}, label, ' ',
    h('input', { type, name, value: params.get(name) ?? '', maxlength: type === 'text' ? 200 : null }));
  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (value) next.set(key, value);
    go(`/audit?${next}`);
  } },
  field('customer', t('audit.customer')), field('kind', t('audit.kind')), field('user', t('audit.user')),
  field('from', t('audit.from'), 'date'), field('to', t('audit.to'), 'date'),
  h('button', { type: 'submit' }, t('customers.apply')));

  const verdict = verify.intact
    ? h('p', { id: 'audit-verify', class: 'verify-ok', role: 'status', dataset: { intact: 'true' } }, t('audit.intact', number(verify.records, 0)))
    : h('p', { id: 'audit-verify', class: 'error', role: 'alert', dataset: { intact: 'false' } }, t('audit.broken', verify.broken_at, verify.problem));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/audit?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  const rows = page.items.map((r) => h('tr', {},
    h('td', { class: 'num' }, String(r.seq)),
    h('td', {}, r.at.replace('T', ' ').replace(/\.\d+/, '').replace('+00:00', 'Z')),
    h('td', {}, r.actor),
    h('td', {}, h('code', {}, r.action)),
    h('td', {}, r.entity),
    h('td', {}, r.customer_id
      ? h('a', { href: `/customers/${encodeURIComponent(r.customer_id)}`, 'data-link': true }, r.customer_id) : t('customer.none')),
    h('td', {}, json(r.before)),
    h('td', {}, json(r.after)),
    h('td', {}, h('code', { title: r.hash }, r.hash.slice(0, 12) + '…'))));

  main.replaceChildren(
    h('h1', {}, t('audit.title')),
    h('section', { class: 'card', 'aria-labelledby': 'verify-title' }, h('h2', { id: 'verify-title' }, t('audit.verify')), verdict),
    form,
    h('p', { role: 'status' }, t('audit.count', page.total)),
    page.items.length === 0 ? h('p', {}, t('audit.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'audit-table' },
      h('thead', {}, h('tr', {}, ['audit.seq', 'audit.at', 'audit.user', 'audit.kind', 'audit.entity', 'audit.customer', 'audit.before', 'audit.after', 'audit.hash']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', page.page, pages) },
      page.page > 1 ? pageLink(page.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', page.page, pages)),
      page.page < pages ? pageLink(page.page + 1, t('customers.next')) : null));
}

// Before and after are JSON text: shown indented, as text (never as markup).
function json(text) {
  if (text === null || text === undefined) return t('customer.none');
  let shown = text;
  try { shown = JSON.stringify(JSON.parse(text), null, 1); } catch { /* not JSON: shown as it is */ }
  return h('pre', { class: 'json' }, shown);
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
