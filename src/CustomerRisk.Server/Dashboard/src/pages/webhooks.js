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
    h('td', {}, s.active ? h('button', { type: 'button', class: 'secondary', 'aria-label': t('webhook.removeThis', s.subscription_id, s.url),
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

  main.replaceChildren(
    h('h1', {}, t('webhook.title')),
    h('p', { class: 'muted' }, t('webhook.help')),
    h('section', { class: 'card', 'aria-labelledby': 'webhook-form-title' }, h('h2', { id: 'webhook-form-title' }, t('webhook.new')), form),
    status,
    list.length === 0 ? h('p', {}, t('webhook.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'webhook-table' },
      h('thead', {}, h('tr', {}, ['webhook.id', 'webhook.url', 'webhook.events', 'alert.status', 'webhook.created', 'webhook.pending',
        'webhook.delivered', 'webhook.failed', 'reviews.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))));
}
