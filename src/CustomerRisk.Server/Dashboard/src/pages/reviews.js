import { api } from '../api.js';
import { h } from '../dom.js';
import { money, text } from '../format.js';
import { t } from '../i18n.js';
import { gradeBadge } from './customers.js';

export const decisions = ['keep', 'raise_limit', 'lower_limit', 'change_terms', 'hold', 'release'];

export function canRecordReviews(me) { return me.role === 'admin' || me.role === 'credit_manager'; }

// The review queue: the customers whose periodic review is due (or every assessed customer), and, for admin and
// credit managers, the form that records a decision; the reviewer is the signed-in user.
export async function reviewsPage(main, me, params) {
  const query = new URLSearchParams();
  if (params.get('as_of')) query.set('as_of', params.get('as_of'));
  if (params.get('all')) query.set('all', 'true');
  if (params.get('page')) query.set('page', params.get('page'));
  query.set('page_size', '50');
  const page = await api(`/api/reviews/due?${query}`);
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));
  const record = canRecordReviews(me) ? reviewForm(params) : null;

  const filter = h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(e.target)) if (value) next.set(key, value);
    go(`/reviews?${next}`);
  } },
  h('label', {}, t('portfolio.asOf'), ' ', h('input', { type: 'date', name: 'as_of', value: params.get('as_of') ?? '' })),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'all', value: 'true', checked: params.get('all') === 'true' }), ' ', t('reviews.all')),
  h('button', { type: 'submit' }, t('portfolio.show')));

  const headers = ['col.id', 'col.name', 'col.grade', 'reviews.previousGrade', 'reviews.last', 'reviews.next', 'reviews.due', 'reviews.why', 'reviews.interval'];
  if (record) headers.push('reviews.action');
  const rows = page.items.map((r) => h('tr', { dataset: { customerId: r.customer_id } },
    h('td', {}, h('a', { href: `/customers/${encodeURIComponent(r.customer_id)}`, 'data-link': true }, r.customer_id)),
    h('td', {}, text(r.name)),
    h('td', {}, gradeBadge(r.grade)),
    h('td', {}, r.previous_grade ? gradeBadge(r.previous_grade) : text(null)),
    h('td', {}, text(r.last_review)),
    h('td', {}, r.next_review),
    h('td', {}, r.due ? t('reviews.yes') : t('reviews.no')),
    h('td', {}, r.triggers.map((x) => t(`reviews.trigger.${x}`)).join(', ') || text(null)),
    h('td', {}, t('reviews.months', r.interval_months)),
    record ? h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': t('reviews.reviewThis', r.customer_id),
      onclick: () => record.choose(r.customer_id) }, t('reviews.review'))) : null));

  const pageLink = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return h('a', { href: `/reviews?${next}`, 'data-link': true, class: 'button secondary' }, label);
  };

  main.replaceChildren(
    h('h1', {}, t('reviews.title')),
    filter,
    h('p', {}, t(params.get('all') === 'true' ? 'reviews.countAll' : 'reviews.count', page.total)),
    record ? record.card : null,
    page.items.length === 0 ? h('p', {}, t('reviews.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'review-table' },
      h('thead', {}, h('tr', {}, headers.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('customers.page', page.page, pages) },
      page.page > 1 ? pageLink(page.page - 1, t('customers.prev')) : null,
      h('span', {}, t('customers.page', page.page, pages)),
      page.page < pages ? pageLink(page.page + 1, t('customers.next')) : null));
}

function reviewForm(params) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const advice = h('div', { id: 'review-advice', class: 'muted', 'aria-live': 'polite' });
  const customer = h('input', { type: 'text', name: 'customer', required: true, maxlength: 200, value: params.get('customer') ?? '',
    onchange: () => advise() });
  // What the policy recommends for the chosen customer on the review date: shown, and prefilled in the form.
  let asked = 0;
  async function advise() {
    const id = customer.value.trim();
    const ask = ++asked;
    if (!id) { advice.replaceChildren(); return; }
    const date = form.reviewed_on.value;
    const untouched = [form.decision.value, form.new_limit.value, form.new_terms_days.value].join('|');
    try {
      const a = await api(`/api/customers/${encodeURIComponent(id)}/reviews/recommendation${date ? `?reviewed_on=${date}` : ''}`);
      if (ask !== asked) return;
      const r = a.recommendation;
      // Prefilled only when the user has not changed the decision meanwhile: the advice never overrides a choice.
      if ([form.decision.value, form.new_limit.value, form.new_terms_days.value].join('|') === untouched) {
        form.decision.value = r.decision;
        form.new_limit.value = r.decision === 'raise_limit' || r.decision === 'lower_limit' ? String(r.recommended_limit) : '';
        form.new_terms_days.value = r.decision === 'change_terms' ? String(r.terms_days) : '';
      }
      advice.replaceChildren(
        h('p', { id: 'review-advice-text' }, t('reviews.advice', t(`decision.${r.decision}`), money(r.recommended_limit),
          money(a.current_limit), `${a.limit_change > 0 ? '+' : ''}${money(a.limit_change)}`, r.terms_days)),
        h('ul', {}, r.reasons.map((x) => h('li', {}, x))));
    } catch (err) {
      if (ask === asked) advice.replaceChildren(h('p', { class: 'error' }, t('error.generic', err.message)));
    }
  }
  const form = h('form', { id: 'review-form', onsubmit: async (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const body = {
      decision: data.get('decision'),
      reason: data.get('reason'),
      reviewed_on: data.get('reviewed_on') || null,
      // A new limit goes with a raise or a lower only (a prefilled one stays behind when another decision is chosen).
      new_limit: data.get('new_limit') && ['raise_limit', 'lower_limit'].includes(data.get('decision')) ? Number(data.get('new_limit')) : null,
      new_terms_days: data.get('new_terms_days') ? Number(data.get('new_terms_days')) : null,
    };
    const button = e.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await api(`/api/customers/${encodeURIComponent(data.get('customer').trim())}/reviews`, { method: 'POST', json: body });
      const r = result.review;
      status.replaceChildren(t('reviews.recorded', r.review_id, r.customer_id, t(`decision.${r.decision}`), r.reviewer),
        ' ', t('reviews.recommended', t(`decision.${r.recommendation.decision}`), money(r.recommendation.recommended_limit)));
      e.target.reason.value = '';
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, t('error.generic', err.message)));
    } finally {
      button.disabled = false;
    }
  } },
  h('div', { class: 'toolbar' },
    h('label', {}, t('col.id'), ' ', customer),
    h('label', {}, t('reviews.decision'), ' ', h('select', { name: 'decision', required: true },
      decisions.map((d) => h('option', { value: d }, t(`decision.${d}`))))),
    h('label', {}, t('reviews.date'), ' ', h('input', { type: 'date', name: 'reviewed_on' })),
    h('label', {}, t('reviews.newLimit'), ' ', h('input', { type: 'number', name: 'new_limit', min: 0, step: '0.01' })),
    h('label', {}, t('reviews.newTerms'), ' ', h('input', { type: 'number', name: 'new_terms_days', min: 0, step: 1 }))),
  h('label', { class: 'block' }, t('reviews.reason'), ' ', h('textarea', { name: 'reason', required: true, maxlength: 2000, rows: 2 })),
  h('button', { type: 'submit' }, t('reviews.submit')));
  form.reviewed_on.addEventListener('change', () => advise());
  const card = h('section', { class: 'card', 'aria-labelledby': 'review-form-title' },
    h('h2', { id: 'review-form-title' }, t('reviews.record')), advice, form, status);
  if (customer.value) queueMicrotask(advise);
  return {
    card,
    choose(id) {
      customer.value = id;
      form.decision.focus();
      advise();
    },
  };
}

function go(url) {
  history.pushState({}, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}
