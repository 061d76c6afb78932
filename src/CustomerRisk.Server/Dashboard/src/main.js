import { api, signOut, whoAmI } from './api.js';
import { disposeCharts } from './charts.js';
import { h } from './dom.js';
import { bindLanguageSwitch, t, translatePage } from './i18n.js';
import { alertsPage } from './pages/alerts.js';
import { collectionsPage } from './pages/collections.js';
import { auditPage } from './pages/audit.js';
import { collateralPage } from './pages/collateral.js';
import { customerPage } from './pages/customer.js';
import { customersPage } from './pages/customers.js';
import { importPage } from './pages/import.js';
import { limitsPage } from './pages/limits.js';
import { modelsPage } from './pages/models.js';
import { orderCheckPage } from './pages/orderCheck.js';
import { portfolioPage } from './pages/portfolio.js';
import { reviewsPage } from './pages/reviews.js';
import { webhooksPage } from './pages/webhooks.js';
import { usersPage } from './pages/users.js';
import { accountPage } from './pages/account.js';

const main = document.getElementById('main');
let me = null;
let renders = 0;

// Client-side routes; the server serves this page at each of them, to signed-in users only.
async function render() {
  disposeCharts();
  // A slow page (the first portfolio view) must not replace a page the user moved on to: only the latest render shows.
  const generation = ++renders;
  const view = { replaceChildren: (...nodes) => { if (generation === renders) main.replaceChildren(...nodes); } };
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  const portfolioAllowed = me.role !== 'sales';
  let section = 'customers';
  main.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  main.setAttribute('aria-busy', 'true');
  try {
    const customer = path.match(/^\/customers\/(.+)$/);
    if (customer) {
      await customerPage(view, me, params, decodeURIComponent(customer[1]));
    } else if (path === '/customers' || !portfolioAllowed && path === '/') {
      await customersPage(view, me, params);
    } else if (path === '/alerts') {
      section = 'alerts';
      await alertsPage(view, me, params);
    } else if (path === '/reviews' && canReadReviews()) {
      section = 'reviews';
      await reviewsPage(view, me, params);
    } else if (path === '/collections' && canReadCollections()) {
      section = 'collections';
      await collectionsPage(view, me, params);
    } else if (path === '/orders/check' && canCheckOrders()) {
      section = 'orders';
      await orderCheckPage(view, me, params);
    } else if (path === '/limits' && canReadCredit()) {
      section = 'limits';
      await limitsPage(view, me, params);
    } else if (path === '/collateral' && canReadCredit()) {
      section = 'collateral';
      await collateralPage(view, me, params);
    } else if (path === '/webhooks' && me.role === 'admin') {
      section = 'webhooks';
      await webhooksPage(view, me, params);
    } else if (path === '/users' && me.role === 'admin') {
      section = 'users';
      await usersPage(view, me, params);
    } else if (path === '/account') {
      section = 'account';
      await accountPage(view, me, params);
    } else if (path === '/import' && canImport()) {
      section = 'import';
      await importPage(view, me, params);
    } else if (path === '/audit' && canAudit()) {
      section = 'audit';
      await auditPage(view, me, params);
    } else if (path === '/models' && canSeeModels()) {
      section = 'models';
      await modelsPage(view, me, params);
    } else {
      section = 'portfolio';
      await portfolioPage(view, me, params);
    }
  } catch (e) {
    view.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('error.generic', e.message)));
  } finally {
    if (generation === renders) main.removeAttribute('aria-busy');
  }
  if (generation !== renders) return;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function canImport() { return me.role === 'admin' || me.role === 'credit_manager'; }
function canReadReviews() { return ['admin', 'credit_manager', 'analyst'].includes(me.role); }
function canReadCollections() { return ['admin', 'credit_manager', 'analyst', 'collector'].includes(me.role); }
function canAudit() { return me.role === 'admin' || me.role === 'credit_manager'; }
function canSeeModels() { return ['admin', 'credit_manager', 'analyst'].includes(me.role); }
function canReadCredit() { return ['admin', 'credit_manager', 'analyst'].includes(me.role); }
function canCheckOrders() { return me.role === 'admin' || me.role === 'credit_manager' || me.role === 'sales'; }

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  render().then(() => main.focus());
});
addEventListener('popstate', () => render());

async function start() {
  translatePage();
  me = await whoAmI();
  document.getElementById('user').textContent = `${me.user_name} · ${t(`role.${me.role}`)}`;
  document.querySelector('[data-nav="portfolio"]').hidden = me.role === 'sales';
  document.querySelector('[data-nav="import"]').hidden = !canImport();
  document.querySelector('[data-nav="reviews"]').hidden = !canReadReviews();
  document.querySelector('[data-nav="collections"]').hidden = !canReadCollections();
  document.querySelector('[data-nav="audit"]').hidden = !canAudit();
  document.querySelector('[data-nav="models"]').hidden = !canSeeModels();
  document.querySelector('[data-nav="orders"]').hidden = !canCheckOrders();
  document.querySelector('[data-nav="limits"]').hidden = !canReadCredit();
  document.querySelector('[data-nav="collateral"]').hidden = !canReadCredit();
  document.querySelector('[data-nav="webhooks"]').hidden = me.role !== 'admin';
  document.querySelector('[data-nav="users"]').hidden = me.role !== 'admin';
  document.getElementById('sign-out').addEventListener('click', signOut);
  bindLanguageSwitch(document.getElementById('lang'), () => {
    document.getElementById('user').textContent = `${me.user_name} · ${t(`role.${me.role}`)}`;
    render();
  });
  await render();
}

start().catch((e) => { if (e.status !== 401) main.replaceChildren(h('p', { class: 'error' }, t('error.generic', e.message))); });
void api;
