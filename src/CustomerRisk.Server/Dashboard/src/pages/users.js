import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export const roles = ['admin', 'credit_manager', 'analyst', 'collector', 'sales'];

// A refusal in the user's language where the status says enough; else the server's own words.
export function refusal(err) {
  if (err.status === 409) return t('users.lastAdmin');
  if (err.status === 404) return t('users.notFound');
  if (err.status === 429) return t('account.limited');
  return t('error.generic', err.message);
}

const when = (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

// Users (admin only): add one, change a role (and a sales user's owner), disable or enable, set a password. Each change
// ends the user's sessions at their next request; the server refuses (409) to demote or disable the last active admin.
export async function usersPage(main, me, params, shown = null) {
  const users = await api('/api/users');
  const status = h('p', { class: 'status', id: 'users-status', role: 'status', 'aria-live': 'polite' }, shown ?? '');
  const reload = (message) => usersPage(main, me, params, message);
  const fail = (err, button) => {
    status.replaceChildren(h('span', { class: 'error' }, refusal(err)));
    if (button) button.disabled = false;
  };
  const act = async (button, call, message) => {
    button.disabled = true;
    try {
      await call();
      await reload(message);
    } catch (err) {
      fail(err, button);
    }
  };

  const addForm = h('form', { id: 'user-add-form', onsubmit: (e) => {
    e.preventDefault();
    const f = e.target;
    const body = { user_name: f.user_name.value.trim(), role: f.role.value, sales_owner: f.sales_owner.value.trim() || null, password: f.password.value };
    act(f.querySelector('button[type=submit]'), () => api('/api/users', { method: 'POST', json: body }), t('users.added', body.user_name, t(`role.${body.role}`)));
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('signin.user'), ' ', h('input', { name: 'user_name', required: true, maxlength: 64, pattern: '[A-Za-z0-9._@\\-]{1,64}', autocomplete: 'off' })),
    h('label', {}, t('users.role'), ' ', h('select', { name: 'role' }, roles.map((r) => h('option', { value: r, selected: r === 'analyst' }, t(`role.${r}`))))),
    h('label', {}, t('users.owner'), ' ', h('input', { name: 'sales_owner', maxlength: 200 })),
    h('label', {}, t('signin.password'), ' ', h('input', { type: 'password', name: 'password', required: true, minlength: 12, maxlength: 1024, autocomplete: 'new-password' })),
    h('button', { type: 'submit' }, t('users.add'))));

  const rows = users.map((u) => {
    const role = h('select', { name: 'role', 'aria-label': t('users.roleOf', u.user_name) },
      roles.map((r) => h('option', { value: r, selected: r === u.role }, t(`role.${r}`))));
    const owner = h('input', { name: 'sales_owner', maxlength: 200, size: 12, value: u.sales_owner ?? '', 'aria-label': t('users.ownerOf', u.user_name) });
    const password = h('input', { type: 'password', name: 'new_password', minlength: 12, maxlength: 1024, size: 14, autocomplete: 'new-password',
      'aria-label': t('users.passwordOf', u.user_name) });
    return h('tr', { dataset: { userName: u.user_name }, class: u.active ? null : 'muted' },
      h('td', {}, u.user_name, u.user_name === me.user_name ? ` (${t('users.you')})` : ''),
      h('td', {}, role, ' ', owner, ' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'role', onclick: (e) => act(e.target,
        () => api(`/api/users/${encodeURIComponent(u.user_name)}/role`, { method: 'PUT', json: { role: role.value, sales_owner: owner.value.trim() || null } }),
        t('users.roleChanged', u.user_name, t(`role.${role.value}`))) }, t('users.changeRole'))),
      h('td', { class: 'state' }, u.active ? t('users.active') : t('users.disabledSince', when(u.disabled_at))),
      h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-action': u.active ? 'disable' : 'enable', onclick: (e) => act(e.target,
        () => api(`/api/users/${encodeURIComponent(u.user_name)}/${u.active ? 'disable' : 'enable'}`, { method: 'POST' }),
        t(u.active ? 'users.disabledOne' : 'users.enabledOne', u.user_name)) }, u.active ? t('users.disable') : t('users.enable'))),
      h('td', {}, password, ' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'password', onclick: (e) => {
        if (password.value.length < 12) { status.replaceChildren(h('span', { class: 'error' }, t('account.short'))); return; }
        act(e.target, () => api(`/api/users/${encodeURIComponent(u.user_name)}/password`, { method: 'PUT', json: { new_password: password.value } }),
          t('users.passwordSet', u.user_name));
      } }, t('users.setPassword'))),
      h('td', {}, when(u.created_at)));
  });

  main.replaceChildren(
    h('h1', {}, t('users.title')),
    h('p', { class: 'muted' }, t('users.help')),
    h('section', { class: 'card', 'aria-labelledby': 'user-add-title' }, h('h2', { id: 'user-add-title' }, t('users.new')), addForm),
    status,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'users-table' },
      h('thead', {}, h('tr', {}, ['signin.user', 'users.roleAndOwner', 'alert.status', 'reviews.action', 'users.password', 'users.created']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))));
}
