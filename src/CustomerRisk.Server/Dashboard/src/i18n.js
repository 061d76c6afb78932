// English and Chinese. The language follows the browser (navigator.language) until the user picks one with the switch.
const en = {
  skip: 'Skip to content', 'nav.main': 'Main', 'nav.portfolio': 'Portfolio', 'nav.customers': 'Customers', 'nav.import': 'Import',
  'lang.label': 'Language', signout: 'Sign out', loading: 'Loading…', 'error.generic': 'Something went wrong: {0}',
  'signin.intro': 'Customer credit risk: sign in to see your portfolio.', 'signin.user': 'User name', 'signin.password': 'Password',
  'signin.submit': 'Sign in', 'signin.wrong': 'Wrong user name or password.', 'signin.limited': 'Too many attempts: wait a minute.',
  'signin.missing': 'Enter your user name and password.',
  'role.admin': 'administrator', 'role.credit_manager': 'credit manager', 'role.analyst': 'analyst', 'role.collector': 'collector', 'role.sales': 'sales',
  'portfolio.title': 'Portfolio as of {0}', 'portfolio.none': 'No assessment saved yet. Import the ledger and run an assessment.',
  'portfolio.asOf': 'As of', 'portfolio.show': 'Show', 'portfolio.assess': 'Run and save an assessment', 'portfolio.assessed': 'Assessment saved: {0} customers as of {1}.',
  'kpi.customers': 'Customers', 'kpi.openAr': 'Open receivables', 'kpi.overdueAr': 'Overdue', 'kpi.dso': 'DSO (days)', 'kpi.el': 'Expected loss',
  'kpi.exposure': 'Exposure', 'kpi.top5': 'Top 5 share', 'kpi.hhi': 'HHI', 'kpi.alerts': 'Open alerts', 'kpi.churn': 'Churn rate',
  'chart.grades': 'Customers by grade', 'chart.aging': 'Aging of open receivables', 'chart.concentration': 'Concentration of exposure',
  'chart.el': 'Expected loss by grade', 'chart.customerShare': 'Share of customers (largest first)', 'chart.exposureShare': 'Share of exposure',
  'chart.equal': 'Equal shares', 'chart.trend': 'Trend over saved assessments', 'chart.table': 'Data as a table',
  'aging.current': 'Not due', 'aging.d1_30': '1–30', 'aging.d31_60': '31–60', 'aging.d61_90': '61–90', 'aging.d91_180': '91–180', 'aging.d181_plus': '181+',
  'customers.title': 'Customers', 'customers.search': 'Search id or name', 'customers.grade': 'Grade', 'customers.region': 'Region',
  'customers.owner': 'Sales owner', 'customers.sort': 'Order', 'customers.all': 'All', 'customers.apply': 'Apply',
  'customers.count': '{0} customers', 'customers.page': 'Page {0} of {1}', 'customers.prev': 'Previous', 'customers.next': 'Next',
  'customers.none': 'No customer matches.',
  'sort.expected_loss': 'Expected loss', 'sort.customer_id': 'Customer id', 'sort.credit_score': 'Lowest score', 'sort.overdue_ar': 'Overdue', 'sort.exposure': 'Exposure',
  'col.id': 'Customer', 'col.name': 'Name', 'col.grade': 'Grade', 'col.score': 'Score', 'col.pd': 'PD', 'col.openAr': 'Open AR',
  'col.overdue': 'Overdue', 'col.dso': 'DSO', 'col.el': 'Expected loss', 'col.region': 'Region', 'col.owner': 'Owner', 'col.asOf': 'As of',
  'customer.back': '← Customers', 'customer.notAssessed': 'This customer has no saved assessment yet.', 'customer.notFound': 'No such customer.',
  'customer.grade': 'Grade', 'customer.components': 'Components', 'customer.collection': 'Collection', 'customer.timeliness': 'Timeliness',
  'customer.focus': 'Product focus', 'customer.vetoed': 'Veto applied', 'customer.score': 'Credit score', 'customer.pd': 'Probability of default',
  'customer.reasons': 'Why this score', 'customer.limits': 'Limits and terms', 'customer.limit': 'Credit limit', 'customer.recommended': 'Recommended limit',
  'customer.terms': 'Terms (days)', 'customer.requirement': 'Requirement', 'customer.utilisation': 'Utilisation', 'customer.exposure': 'Exposure',
  'customer.indicators': 'Indicators', 'customer.alerts': 'Alerts', 'customer.noAlerts': 'No alert fired.', 'customer.aging': 'Aging',
  'customer.region': 'Region', 'customer.owner': 'Sales owner', 'customer.industry': 'Industry', 'customer.since': 'Customer since',
  'customer.severity': 'Severity', 'customer.rule': 'Rule', 'customer.value': 'Value', 'customer.threshold': 'Threshold', 'customer.message': 'Message',
  'customer.nextReview': 'Next review', 'customer.dunning': 'Dunning level', 'customer.none': '—',
  'ind.open_ar': 'Open AR', 'ind.overdue_ar': 'Overdue AR', 'ind.dso': 'DSO (days)', 'ind.net_collection_rate': 'Net collection rate',
  'ind.max_days_late': 'Max days late', 'ind.avg_days_late': 'Average days late', 'ind.on_time_rate': 'On-time rate',
  'ind.sales_12m': 'Sales, 12 months', 'ind.oldest_days_past_due': 'Oldest days past due', 'ind.frequency_change': 'Order frequency change',
  'ind.complaints_90d': 'Complaints, 90 days', 'ind.broken_promises_180d': 'Broken promises, 180 days', 'ind.expected_loss': 'Expected loss',
  'trend.score': 'Credit score', 'trend.openAr': 'Open AR', 'trend.overdue': 'Overdue AR',
  'import.title': 'Import ledger files', 'import.help': 'Choose one or more files named by their kind (customers.csv, invoices.csv, payments.xlsx, …). They are imported together, all or nothing.',
  'import.files': 'Files', 'import.submit': 'Import', 'import.file': 'File', 'import.kind': 'Kind', 'import.read': 'Rows read',
  'import.inserted': 'New', 'import.updated': 'Changed', 'import.unchanged': 'Unchanged', 'import.rejected': 'Rejected',
  'import.rejects': 'Rejected rows of {0}', 'import.line': 'Line', 'import.column': 'Column', 'import.reason': 'Reason', 'import.done': 'Imported.',
  'nav.orders': 'Order check', 'order.title': 'Credit check of an order',
  'order.help': 'Checks an order against the customer\'s exposure and limit. Every check is recorded; an approved order counts as exposure at once. Amounts are in the portfolio currency.',
  'order.customer': 'Customer id', 'order.amount': 'Order amount', 'order.date': 'Order date', 'order.orderId': 'Order id (optional)',
  'order.submit': 'Check the order', 'order.exposure': 'Exposure after this order', 'order.limit': 'Credit limit', 'order.noLimit': 'none granted',
  'order.reasons': 'Reasons', 'order.rule': 'Rule', 'order.detail': 'Detail', 'order.notFound': 'No customer \'{0}\' you can see.',
  'order.forbidden': 'Your role may not check orders.',
  'order.decision.approve': 'Approve', 'order.decision.review': 'Review: hold for a credit manager', 'order.decision.block': 'Block',
  'rule.block_grade': 'Blocked by grade', 'rule.block_days_past_due': 'Invoice too far past due', 'rule.block_over_limit': 'Far over the limit',
  'rule.review_grade': 'Grade needs review', 'rule.review_no_limit': 'No limit granted', 'rule.review_over_limit': 'Slightly over the limit',
  'rule.approve_within_limit': 'Within the limit', 'rule.approve_no_rule_fired': 'No rule fired',
};

const zh = {
  skip: '跳到正文', 'nav.main': '主导航', 'nav.portfolio': '组合概览', 'nav.customers': '客户', 'nav.import': '导入',
  'lang.label': '语言', signout: '退出', loading: '加载中…', 'error.generic': '出错了：{0}',
  'signin.intro': '客户信用风险：登录查看您的客户组合。', 'signin.user': '用户名', 'signin.password': '密码',
  'signin.submit': '登录', 'signin.wrong': '用户名或密码错误。', 'signin.limited': '尝试次数过多，请一分钟后再试。',
  'signin.missing': '请输入用户名和密码。',
  'role.admin': '管理员', 'role.credit_manager': '信用经理', 'role.analyst': '分析师', 'role.collector': '催收员', 'role.sales': '销售',
  'portfolio.title': '组合概览（截至 {0}）', 'portfolio.none': '尚无已保存的评估。请先导入台账并运行评估。',
  'portfolio.asOf': '截至日期', 'portfolio.show': '显示', 'portfolio.assess': '运行并保存评估', 'portfolio.assessed': '评估已保存：{0} 个客户，截至 {1}。',
  'kpi.customers': '客户数', 'kpi.openAr': '应收账款余额', 'kpi.overdueAr': '逾期金额', 'kpi.dso': 'DSO（天）', 'kpi.el': '预期损失',
  'kpi.exposure': '风险敞口', 'kpi.top5': '前5大占比', 'kpi.hhi': 'HHI 指数', 'kpi.alerts': '未处理预警', 'kpi.churn': '流失率',
  'chart.grades': '各等级客户数', 'chart.aging': '应收账款账龄', 'chart.concentration': '敞口集中度曲线',
  'chart.el': '各等级预期损失', 'chart.customerShare': '客户占比（由大到小）', 'chart.exposureShare': '敞口占比',
  'chart.equal': '均匀分布', 'chart.trend': '历次评估趋势', 'chart.table': '以表格查看数据',
  'aging.current': '未到期', 'aging.d1_30': '1–30天', 'aging.d31_60': '31–60天', 'aging.d61_90': '61–90天', 'aging.d91_180': '91–180天', 'aging.d181_plus': '181天以上',
  'customers.title': '客户', 'customers.search': '搜索编号或名称', 'customers.grade': '等级', 'customers.region': '区域',
  'customers.owner': '销售负责人', 'customers.sort': '排序', 'customers.all': '全部', 'customers.apply': '筛选',
  'customers.count': '共 {0} 个客户', 'customers.page': '第 {0} / {1} 页', 'customers.prev': '上一页', 'customers.next': '下一页',
  'customers.none': '没有符合条件的客户。',
  'sort.expected_loss': '预期损失', 'sort.customer_id': '客户编号', 'sort.credit_score': '评分最低', 'sort.overdue_ar': '逾期金额', 'sort.exposure': '风险敞口',
  'col.id': '客户编号', 'col.name': '名称', 'col.grade': '等级', 'col.score': '评分', 'col.pd': '违约概率', 'col.openAr': '应收余额',
  'col.overdue': '逾期', 'col.dso': 'DSO', 'col.el': '预期损失', 'col.region': '区域', 'col.owner': '负责人', 'col.asOf': '评估日期',
  'customer.back': '← 客户列表', 'customer.notAssessed': '该客户尚无已保存的评估。', 'customer.notFound': '没有这个客户。',
  'customer.grade': '等级', 'customer.components': '分项等级', 'customer.collection': '回款', 'customer.timeliness': '及时性',
  'customer.focus': '产品专注度', 'customer.vetoed': '已触发否决', 'customer.score': '信用评分', 'customer.pd': '违约概率',
  'customer.reasons': '评分原因', 'customer.limits': '额度与账期', 'customer.limit': '信用额度', 'customer.recommended': '建议额度',
  'customer.terms': '账期（天）', 'customer.requirement': '要求', 'customer.utilisation': '额度使用率', 'customer.exposure': '风险敞口',
  'customer.indicators': '指标', 'customer.alerts': '预警', 'customer.noAlerts': '没有触发预警。', 'customer.aging': '账龄',
  'customer.region': '区域', 'customer.owner': '销售负责人', 'customer.industry': '行业', 'customer.since': '合作起始',
  'customer.severity': '严重程度', 'customer.rule': '规则', 'customer.value': '数值', 'customer.threshold': '阈值', 'customer.message': '说明',
  'customer.nextReview': '下次复核', 'customer.dunning': '催收级别', 'customer.none': '—',
  'ind.open_ar': '应收余额', 'ind.overdue_ar': '逾期金额', 'ind.dso': 'DSO（天）', 'ind.net_collection_rate': '净回款率',
  'ind.max_days_late': '最长逾期天数', 'ind.avg_days_late': '平均逾期天数', 'ind.on_time_rate': '按时付款率',
  'ind.sales_12m': '近12个月销售额', 'ind.oldest_days_past_due': '最早逾期天数', 'ind.frequency_change': '订货频率变化',
  'ind.complaints_90d': '90天内投诉', 'ind.broken_promises_180d': '180天内违约承诺', 'ind.expected_loss': '预期损失',
  'trend.score': '信用评分', 'trend.openAr': '应收余额', 'trend.overdue': '逾期金额',
  'import.title': '导入台账文件', 'import.help': '选择一个或多个按类型命名的文件（customers.csv、invoices.csv、payments.xlsx 等），它们将一起导入，要么全部成功，要么全部不导入。',
  'import.files': '文件', 'import.submit': '导入', 'import.file': '文件', 'import.kind': '类型', 'import.read': '读取行数',
  'import.inserted': '新增', 'import.updated': '更新', 'import.unchanged': '未变', 'import.rejected': '拒绝',
  'import.rejects': '{0} 中被拒绝的行', 'import.line': '行', 'import.column': '列', 'import.reason': '原因', 'import.done': '导入完成。',
  'nav.orders': '订单检查', 'order.title': '订单信用检查',
  'order.help': '按客户的敞口和额度检查订单。每次检查都会记录；批准的订单立即计入敞口。金额以组合币种计。',
  'order.customer': '客户编号', 'order.amount': '订单金额', 'order.date': '订单日期', 'order.orderId': '订单号（可选）',
  'order.submit': '检查订单', 'order.exposure': '含本订单的敞口', 'order.limit': '信用额度', 'order.noLimit': '未授予',
  'order.reasons': '原因', 'order.rule': '规则', 'order.detail': '详情', 'order.notFound': '没有您可查看的客户“{0}”。',
  'order.forbidden': '您的角色不能检查订单。',
  'order.decision.approve': '批准', 'order.decision.review': '复核：交信用经理处理', 'order.decision.block': '拒绝',
  'rule.block_grade': '因评级拒绝', 'rule.block_days_past_due': '发票逾期过久', 'rule.block_over_limit': '远超额度',
  'rule.review_grade': '评级需复核', 'rule.review_no_limit': '未授予额度', 'rule.review_over_limit': '略超额度',
  'rule.approve_within_limit': '在额度之内', 'rule.approve_no_rule_fired': '未触发任何规则',
};

const dictionaries = { en, zh };
const storageKey = 'crisk.lang';

export function detectLanguage() {
  const chosen = localStorage.getItem(storageKey);
  if (chosen && dictionaries[chosen]) return chosen;
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current = detectLanguage();

export function language() { return current; }

export function setLanguage(lang) {
  current = dictionaries[lang] ? lang : 'en';
  localStorage.setItem(storageKey, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, ...args) {
  const text = dictionaries[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

// Translates the static parts of a page: data-i18n sets the text, data-i18n-aria the accessible name.
export function translatePage(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}

export function bindLanguageSwitch(select, onChange) {
  select.value = current;
  select.addEventListener('change', () => { setLanguage(select.value); translatePage(); onChange?.(); });
}
