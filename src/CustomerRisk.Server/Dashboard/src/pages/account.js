import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { refusal } from './users.js';

// Every signed-in user changes their own password here. The server checks the current one (a wrong one is recorded in
// the audit trail and rate-limited like sign-in); the change ends the user's other sessions, this one goes on.
export async function accountPage(main, me) {
  const status = h('p', { class: 'status', id: 'account-status', role: 'status', 'aria-live': 'polite' });
  const say = (message, error = false) => status.replaceChildren(error ? h('span', { class: 'error' }, message) : message);
  const form = h('form', { id: 'password-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target;
    if (f.new_password.value !== f.again.value) return say(t('account.differ'), true);
    if (f.new_password.value.length < 12) return say(t('account.short'), true);
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api('/api/me/password', { method: 'POST', json: { current_password: f.current_password.value, new_password: f.new_password.value } });
      f.reset();
      say(t('account.changed'));
    } catch (err) {
      say(err.status === 400 && err.problem?.title === 'The current password is wrong.' ? t('account.wrong') : refusal(err), true);
    } finally {
      button.disabled = false;
    }
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('account.current'), ' ', h('input', { type: 'password', name: 'current_password', required: true, maxlength: 1024, autocomplete: 'current-password' })),
    h('label', {}, t('account.new'), ' ', h('input', { type: 'password', name: 'new_password', required: true, minlength: 12, maxlength: 1024, autocomplete: 'new-password' })),
    h('label', {}, t('account.again'), ' ', h('input', { type: 'password', name: 'again', required: true, minlength: 12, maxlength: 1024, autocomplete: 'new-password' }))),
  h('button', { type: 'submit' }, t('account.submit')));

  main.replaceChildren(
    h('h1', {}, t('account.title', me.user_name)),
    h('p', { class: 'muted' }, t('account.help')),
    h('section', { class: 'card' }, form),
    status);
}
