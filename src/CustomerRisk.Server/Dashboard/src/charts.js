// Apache ECharts, only the parts the dashboard draws, bundled into the app (nothing is fetched at run time). Every chart
// has ARIA labelling and its data as a table beside it for screen readers and keyboard users.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { h } from './dom.js';
import { t } from './i18n.js';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const live = new Set();
window.addEventListener('resize', () => { for (const chart of live) chart.resize(); });

export function disposeCharts() {
  for (const chart of live) chart.dispose();
  live.clear();
}

// A titled card with the chart and a collapsible table of its data.
export function chartCard(id, title, option, table) {
  const canvas = h('div', { class: 'chart', id, role: 'img', 'aria-label': title });
  const card = h('section', { class: 'card chart-card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    canvas,
    table ? h('details', {}, h('summary', {}, t('chart.table')), table) : null);
  queueMicrotask(() => {
    const chart = echarts.init(canvas, null, { renderer: 'canvas' });
    chart.setOption({ aria: { enabled: true }, animation: false, tooltip: { trigger: 'axis' }, ...option });
    canvas.dataset.rendered = 'true';
    live.add(chart);
  });
  return card;
}

export function dataTable(headers, rows) {
  return h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}
