import { h } from '../dom.js';
import { t } from '../i18n.js';

export async function modelsPage(main) {
  main.replaceChildren(h('h1', {}, t('models.title')));
}
