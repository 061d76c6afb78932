import { bindLanguageSwitch, t, translatePage } from './i18n.js';

translatePage();
bindLanguageSwitch(document.getElementById('lang'));

const form = document.getElementById('signin-form');
const error = document.getElementById('signin-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const user_name = form.user_name.value.trim();
  const password = form.password.value;
  if (!user_name || !password) {
    error.textContent = t('signin.missing');
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ user_name, password }),
    });
    if (response.ok) {
      location.assign('/');
      return;
    }
    error.textContent = response.status === 429 ? t('signin.limited') : t('signin.wrong');
    form.password.value = '';
    form.password.focus();
  } catch (e) {
    error.textContent = t('error.generic', e.message);
  } finally {
    button.disabled = false;
  }
});
