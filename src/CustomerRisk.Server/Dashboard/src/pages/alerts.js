import { api } from '../api.js';
import { h } from '../dom.js';
import { number, text } from '../format.js';
import { t } from '../i18n.js';

const statuses = ['open', 'acknowledged', 'resolved', 'all'];
const severities = ['extreme', 'high', 'medium', 'low'];

export function canDecideAlerts(me) { return me.role === 'admin' || me.role === 'credit_manager'; }

export function statusBadge(status) {
  return h('span', { class: `alert-status status-${status}` }, t(`alert.status.${status}`));
}

export function severityBadge(severity) {
  return h('span', { class: `severity severity-${severity}` }, t(`alert.severity.${severity}`));
}

// The alert inbox: open alerts by default, the most severe first; admin and credit managers acknowledge or resolve
// each one in place, and the row shows its new status, who and when.
export async function alertsPage(main, me, params) {
  const query = new URLSearchParams();
  for (const key of ['status', 'severity', 'customer', 'rule', 'page']) if (params.get(key)) query.set(key, params.get(key));
  query.set('page_size', '50');
  const page = await api(`/api/alerts?${query}`);
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));
  const decide = canDecideAlerts(me);
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (value) next.set(key, value);
    go(`/alerts?${next}`);
  } },
  h('label', {}, t('alert.status'), ' ', h('select', { name: 'status' },
    statuses.map((s) => h('option', { value: s, selected: (params.get('status') ?? 'open') === s }, t(`alert.status.${s}`))))),
  h('label', {}, t('alert.severity'), ' ', h('select', { name: 'severity' }, h('option', { value: '' }, t('customers.all')),
    severities.map((s) => h('option', { value: s, selected: params.get('severity') === s }, t(`alert.severity.${s}`))))),
  h('label', {}, t('alert.customer'), ' ', h('input', { type: 'search', name: 'customer', value: params.get('customer') ?? '', maxlength: 200 })),
  h('label', {}, t('alert.rule'), ' ', h('input', { type: 'search', name: 'rule', value: params.get('rule') ?? '', maxlength: 200 })),
  h('button', { type: 'submit' }, t('customers.apply')));

  const headers = ['alert.id', 'col.id', 'alert.rule', 'alert.severity', 'alert.valueThreshold', 'alert.seen', 'alert.status', 'alert.by', 'alert.note'];
  if (decide) headers.push('alert.decide');
  const rows = page.items.map((a) => alertRow(a, decide, status));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/alerts?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  main.replaceChildren(
    h('h1', {}, t('alerts.title')),
    form,
    h('p', {}, t('alerts.count', page.total)),
    status,
    page.items.length === 0 ? h('p', {}, t('alerts.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'alert-table' },
      h('thead', {}, h('tr', {}, headers.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', page.page, pages) },
      page.page > 1 ? pageLink(page.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', page.page, pages)),
      page.page < pages ? pageLink(page.page + 1, t('customers.next')) : null));
}

function alertRow(a, decide, status) {
  const row = h('tr', { dataset: { alertId: String(a.alert_id) } });
  const fill = (alert) => {
    const cells = [
      h('td', {}, String(alert.alert_id)),
      h('td', {}, h('a', { href: `/customers/${encodeURIComponent(alert.customer_id)}`, 'data-link': true }, alert.customer_id)),
      h('td', { title: alert.message }, alert.rule),
      h('td', {}, severityBadge(alert.severity)),
      h('td', { class: 'num' }, alert.threshold === null ? number(alert.value, 4) : `${number(alert.value, 4)} / ${number(alert.threshold, 4)}`),
      h('td', {}, alert.first_seen === alert.last_seen ? alert.first_seen : `${alert.first_seen} – ${alert.last_seen}`),
      h('td', { class: 'status-cell' }, statusBadge(alert.status)),
      h('td', { class: 'by-cell' }, whoAndWhen(alert)),
      h('td', { class: 'note-cell' }, text(alert.resolution ?? alert.acknowledge_note)),
    ];
    if (decide) cells.push(h('td', {}, decisionControls(alert, status, fill)));
    row.replaceChildren(...cells);
  };
  fill(a);
  return row;
}

function whoAndWhen(alert) {
  if (alert.resolved_by) return [alert.resolved_by, h('br'), h('small', { class: 'muted' }, when(alert.resolved_at))];
  if (alert.status === 'resolved') return t('alert.cleared');
  if (alert.acknowledged_by) return [alert.acknowledged_by, h('br'), h('small', { class: 'muted' }, when(alert.acknowledged_at))];
  return text(null);
}

function when(instant) { return instant ? instant.replace('T', ' ').slice(0, 16) : ''; }

function decisionControls(alert, status, fill) {
  if (alert.status === 'resolved') return null;
  const note = h('input', { type: 'text', name: 'note', maxlength: 2000, 'aria-label': t('alert.noteFor', alert.alert_id), placeholder: t('alert.note') });
  const act = async (verb, button) => {
    if (verb === 'resolve' && !note.value.trim()) {
      status.replaceChildren(h('span', { class: 'error' }, t('alert.reasonNeeded', alert.alert_id)));
      note.focus();
      return;
    }
    button.disabled = true;
    try {
      const result = await api(`/api/alerts/${alert.alert_id}/${verb}`, { method: 'POST', json: { note: note.value.trim() || null } });
      fill(result.alert);
      status.replaceChildren(t(verb === 'acknowledge' ? 'alert.acknowledged' : 'alert.resolved', alert.alert_id));
    } catch (e) {
      button.disabled = false;
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', e.message)));
    }
  };
  return h('div', { class: 'row-actions' }, note,
    alert.status === 'open'
      ? h('button', { type: 'button', class: 'secondary', onclick: (e) => act('acknowledge', e.currentTarget) }, t('alert.acknowledge'))
      : null,
    h('button', { type: 'button', class: 'secondary', onclick: (e) => act('resolve', e.currentTarget) }, t('alert.resolve')));
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
