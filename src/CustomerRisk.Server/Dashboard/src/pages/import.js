import { api } from '../api.js';
import { dataTable } from '../charts.js';
import { h } from '../dom.js';
import { number } from '../format.js';
import { t } from '../i18n.js';

export async function importPage(main) {
  const result = h('div', { role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const data = new FormData();
    for (const file of e.target.files.files) data.append('files', file, file.name);
    result.replaceChildren(t('loading'));
    try {
      const outcome = await api('/api/import', { method: 'POST', body: data });
      result.replaceChildren(h('p', {}, t('import.done')),
        dataTable([t('import.file'), t('import.kind'), t('import.read'), t('import.inserted'), t('import.updated'), t('import.unchanged'), t('import.rejected')],
          outcome.files.map((f) => [f.file, f.kind, number(f.rows_read, 0), number(f.inserted, 0), number(f.updated, 0), number(f.unchanged, 0), number(f.rejected, 0)])),
        ...outcome.files.filter((f) => f.rejects.length > 0).map((f) => h('section', {},
          h('h2', {}, t('import.rejects', f.file)),
          dataTable([t('import.line'), t('import.column'), t('import.reason')], f.rejects.map((r) => [r.line, r.column, r.reason])))));
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error' }, t('error.generic', err.message)));
    }
  } },
  h('p', {}, t('import.help')),
  h('label', {}, t('import.files'), ' ', h('input', { type: 'file', name: 'files', multiple: true, accept: '.csv,.xlsx', required: true })),
  h('button', { type: 'submit' }, t('import.submit')));
  main.replaceChildren(h('h1', {}, t('import.title')), form, result);
}
