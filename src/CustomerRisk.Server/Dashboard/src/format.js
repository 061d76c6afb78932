import { language, t } from './i18n.js';

const locale = () => (language() === 'zh' ? 'zh-CN' : 'en-GB');

export function money(value) {
  if (value === null || value === undefined) return t('customer.none');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
}

export function number(value, digits = 1) {
  if (value === null || value === undefined) return t('customer.none');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function percent(value, digits = 1) {
  if (value === null || value === undefined) return t('customer.none');
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(value);
}

export function text(value) {
  return value === null || value === undefined || value === '' ? t('customer.none') : String(value);
}

export const gradeColours = { A: '#1b7f3b', B: '#2563b0', C: '#9a5b00', D: '#b3261e', N: '#6b6b6b' };
