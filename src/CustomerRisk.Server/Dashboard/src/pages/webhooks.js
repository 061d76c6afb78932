import { api } from '../api.js';
import { h } from '../dom.js';
import { number, text } from '../format.js';
import { t } from '../i18n.js';

const events = ['alert.opened', 'alert.severity_changed', 'alert.acknowledged', 'alert.resolved'];

// Webhook subscriptions to alert events (admin only). The signing secret is shown once, right after the subscription
// is added, and never again: the list has no secret to show.
export async function webhooksPage(main, me, params, shown = null) {
  const list = await api('/api/webhooks');
  const status = h('div', { class: 'status', id: 'webhook-status', role: 'status', 'aria-live': 'polite' }, shown ?? '');
  const reload = (message) => webhooksPage(main, me, params, message);

  const form = h('form', { id: 'webhook-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target;
    const wanted = events.filter((x) => f[`event-${x}`].checked);
    const body = { url: f.url.value.trim(), events: wanted.length === 0 ? null : wanted, secret: f.secret.value || null };
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const added = await api('/api/webhooks', { method: 'POST', json: body });
      await reload(h('div', { class: 'card secret' },
        h('p', {}, t('webhook.added', added.subscription.subscription_id, added.subscription.url)),
        h('p', {}, t('webhook.secretOnce')),
        h('code', { id: 'webhook-secret' }, added.secret)));
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.problem?.errors ? Object.values(err.problem.errors).flat().join(' ') : err.message)));
      button.disabled = false;
    }
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('webhook.url'), ' ', h('input', { type: 'url', name: 'url', required: true, maxlength: 2000, size: 40, placeholder: 'https://' })),
    h('label', {}, t('webhook.secret'), ' ', h('input', { type: 'password', name: 'secret', minlength: 16, maxlength: 200, autocomplete: 'new-password' }))),
  h('fieldset', {}, h('legend', {}, t('webhook.events')),
    events.map((x) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: `event-${x}` }), ' ', t(`webhook.event.${x}`), ' '))),
  h('button', { type: 'submit' }, t('webhook.add')));

  const rows = list.map((s) => h('tr', { dataset: { subscriptionId: s.subscription_id } },
    h('td', {}, String(s.subscription_id)),
    h('td', {}, s.url),
    h('td', {}, s.events.map((x) => (x === '*' ? t('webhook.allEvents') : t(`webhook.event.${x}`))).join(', ')),
    h('td', {}, s.active ? t('webhook.active') : t('webhook.removed')),
    h('td', {}, s.created_at.slice(0, 16).replace('T', ' ')),
    h('td', { class: 'num' }, number(s.pending, 0)),
    h('td', { class: 'num' }, number(s.delivered, 0)),
    h('td', { class: 'num' }, number(s.failed, 0)),
    h('td', { class: 'row-actions' }, h('a', { href: `/webhooks?deliveries=${s.subscription_id}`, 'data-link': true, class: 'button secondary',
      'aria-label': t('webhook.deliveriesOf', s.subscription_id, s.url) }, t('webhook.deliveries')), ' ',
    s.active ? h('button', { type: 'button', class: 'secondary', 'aria-label': t('webhook.removeThis', s.subscription_id, s.url),
      onclick: async (e) => {
        e.target.disabled = true;
        try {
          await api(`/api/webhooks/${s.subscription_id}`, { method: 'DELETE' });
          await reload(t('webhook.removedOne', s.subscription_id, s.url));
        } catch (err) {
          status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.message)));
          e.target.disabled = false;
        }
      } }, t('webhook.remove')) : text(null))));

  const chosen = list.find((s) => String(s.subscription_id) === params.get('deliveries'));
  const deliveries = chosen ? await deliveriesSection(chosen, params, status) : null;

  main.replaceChildren(
    h('h1', {}, t('webhook.title')),
    h('p', { class: 'muted' }, t('webhook.help')),
    h('section', { class: 'card', 'aria-labelledby': 'webhook-form-title' }, h('h2', { id: 'webhook-form-title' }, t('webhook.new')), form),
    status,
    list.length === 0 ? h('p', {}, t('webhook.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'webhook-table' },
      h('thead', {}, h('tr', {}, ['webhook.id', 'webhook.url', 'webhook.events', 'alert.status', 'webhook.created', 'webhook.pending',
        'webhook.delivered', 'webhook.failed', 'reviews.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    deliveries);
}

const deliveryStatuses = ['all', 'pending', 'delivered', 'failed'];
const pageSize = 50;

// One subscription's deliveries, newest first (GET /api/webhooks/{id}/deliveries), with each attempt and a Retry
// button for the failed ones of an active subscription (POST /api/webhooks/deliveries/{id}/retry).
async function deliveriesSection(subscription, params, status) {
  const id = subscription.subscription_id;
  const wanted = deliveryStatuses.includes(params.get('status')) ? params.get('status') : 'all';
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const page = await api(`/api/webhooks/${id}/deliveries?status=${wanted}&page=${pageNumber}&page_size=${pageSize}`);
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  const link = (changes) => {
    const next = new URLSearchParams({ deliveries: String(id), status: wanted, page: '1', ...changes });
    return `/webhooks?${next}`;
  };

  const filter = h('form', { id: 'delivery-filter', class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    go(link({ status: e.target.status.value }));
  } },
  h('label', {}, t('webhook.deliveryStatus'), ' ', h('select', { name: 'status' },
    deliveryStatuses.map((x) => h('option', { value: x, selected: x === wanted }, t(`webhook.status.${x}`))))),
  h('button', { type: 'submit' }, t('customers.apply')));

  // A single Retry moves one delivery from failed to pending: the counts of the subscription's row and of the
  // "Retry all failed" button follow it without a reload (the button goes when none is left).
  let retryAll = null;
  const retried = () => {
    subscription.failed -= 1;
    subscription.pending += 1;
    const row = document.querySelector(`#webhook-table tbody tr[data-subscription-id='${id}']`);
    if (row) {
      row.children[5].textContent = number(subscription.pending, 0);
      row.children[7].textContent = number(subscription.failed, 0);
    }

    if (retryAll && subscription.failed > 0) {
      retryAll.textContent = t('webhook.retryAll', subscription.failed);
    } else if (retryAll) {
      retryAll.remove();
      retryAll = null;
    }
  };

  retryAll = subscription.active && subscription.failed > 0
    ? h('button', { type: 'button', id: 'retry-all-failed', onclick: async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        const result = await api(`/api/webhooks/${id}/deliveries/retry`, { method: 'POST' });
        status.replaceChildren(t('webhook.requeuedAll', result.requeued.length, id));
        go(link({ status: wanted }));
      } catch (err) {
        button.disabled = false;
        status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.message)));
      }
    } }, t('webhook.retryAll', subscription.failed))
    : null;

  const pageLink = (n, label) => h('a', { href: link({ page: String(n) }), 'data-link': true, class: 'button secondary' }, label);
  return h('section', { class: 'card', id: 'deliveries', 'aria-labelledby': 'deliveries-title' },
    h('h2', { id: 'deliveries-title' }, t('webhook.deliveriesOf', id, subscription.url)),
    subscription.active ? null : h('p', { class: 'muted' }, t('webhook.removedNoRetry')),
    filter,
    h('p', {}, t('webhook.deliveryCount', page.total), ' ', retryAll),
    page.items.length === 0 ? h('p', {}, t('webhook.noDeliveries')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'delivery-table' },
      h('thead', {}, h('tr', {}, ['webhook.delivery', 'webhook.event', 'col.id', 'alert.id', 'alert.status', 'webhook.attempts', 'webhook.lastError',
        'webhook.nextAttempt', 'reviews.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, page.items.map((d) => deliveryRow(d, status, retried))))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('customers.page', pageNumber, pages) },
      pageNumber > 1 ? pageLink(pageNumber - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', pageNumber, pages)),
      pageNumber < pages ? pageLink(pageNumber + 1, t('customers.next')) : null) : null);
}

function deliveryRow(delivery, status, retried) {
  const row = h('tr', { dataset: { deliveryId: String(delivery.delivery_id) } });
  const fill = (d) => {
    row.replaceChildren(
      h('td', {}, String(d.delivery_id)),
      h('td', {}, t(`webhook.event.${d.event_type}`)),
      h('td', {}, h('a', { href: `/customers/${encodeURIComponent(d.customer_id)}`, 'data-link': true }, d.customer_id)),
      h('td', {}, text(d.alert_id)),
      h('td', { class: 'status-cell' }, h('span', { class: `badge delivery-${d.status}` }, t(`webhook.status.${d.status}`))),
      h('td', {}, attemptsCell(d)),
      h('td', { class: 'note-cell' }, text(d.last_error)),
      h('td', {}, d.next_attempt_at ? when(d.next_attempt_at) : text(null)),
      h('td', {}, d.status === 'failed' && d.subscription_active
        ? h('button', { type: 'button', class: 'secondary', 'aria-label': t('webhook.retryThis', d.delivery_id), onclick: async (e) => {
          const button = e.currentTarget;
          button.disabled = true;
          try {
            await api(`/api/webhooks/deliveries/${d.delivery_id}/retry`, { method: 'POST' });
            retried();
            fill(await api(`/api/webhooks/deliveries/${d.delivery_id}`));
            status.replaceChildren(t('webhook.requeued', d.delivery_id));
          } catch (err) {
            button.disabled = false;
            status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.message)));
          }
        } }, t('webhook.retry'))
        : text(null)));
  };
  fill(delivery);
  return row;
}

function attemptsCell(d) {
  if (d.attempts.length === 0) return '0';
  return h('details', {}, h('summary', {}, String(d.attempt_count)),
    h('ol', { start: d.attempts[0].attempt }, d.attempts.map((a) => h('li', {},
      `${when(a.at)} · ${a.status_code === null ? t('webhook.noAnswer') : `HTTP ${a.status_code}`}`
        + (a.duration_ms === null || a.duration_ms === undefined ? '' : ` · ${number(a.duration_ms, 0)} ms`)
        + (a.error && a.status_code === null ? ` · ${a.error}` : '')))));
}

function when(instant) { return instant ? instant.replace('T', ' ').slice(0, 16) : ''; }

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
