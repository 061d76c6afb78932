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
  // Alerts inbox, review queue, collection worklist.
  'nav.alerts': 'Alerts', 'nav.reviews': 'Reviews', 'nav.collections': 'Collections',
  'alerts.title': 'Alerts', 'alerts.count': '{0} alerts', 'alerts.none': 'No alert matches.',
  'alert.id': 'Alert', 'alert.customer': 'Customer', 'alert.rule': 'Rule', 'alert.severity': 'Severity', 'alert.status': 'Status',
  'alert.firstSeen': 'First seen', 'alert.lastSeen': 'Last seen', 'alert.seen': 'Seen (first – last)', 'alert.valueThreshold': 'Value / threshold', 'alert.by': 'By', 'alert.note': 'Note', 'alert.decide': 'Decide',
  'alert.status.open': 'Open', 'alert.status.acknowledged': 'Acknowledged', 'alert.status.resolved': 'Resolved', 'alert.status.all': 'All',
  'alert.severity.low': 'low', 'alert.severity.medium': 'medium', 'alert.severity.high': 'high', 'alert.severity.extreme': 'extreme',
  'alert.acknowledge': 'Acknowledge', 'alert.resolve': 'Resolve', 'alert.noteFor': 'Note for alert {0}', 'alert.cleared': 'cleared',
  'alert.acknowledged': 'Alert {0} acknowledged.', 'alert.resolved': 'Alert {0} resolved.',
  'alert.reasonNeeded': 'Alert {0}: write why it is resolved in its note.',
  'reviews.title': 'Review queue', 'reviews.all': 'Every assessed customer, not only those due', 'reviews.count': '{0} reviews due',
  'reviews.countAll': '{0} assessed customers', 'reviews.none': 'No review is due.',
  'reviews.previousGrade': 'Grade before', 'reviews.last': 'Last review', 'reviews.next': 'Next review', 'reviews.due': 'Due',
  'reviews.why': 'Why', 'reviews.interval': 'Interval', 'reviews.months': '{0} months', 'reviews.yes': 'yes', 'reviews.no': 'no',
  'reviews.action': 'Act', 'reviews.review': 'Review', 'reviews.reviewThis': 'Review {0}',
  'reviews.trigger.interval': 'interval reached', 'reviews.trigger.never_reviewed': 'never reviewed', 'reviews.trigger.grade_drop': 'grade dropped',
  'reviews.trigger.extreme_alert': 'extreme alert',
  'reviews.record': 'Record a review', 'reviews.decision': 'Decision', 'reviews.reason': 'Reason', 'reviews.date': 'Review date',
  'reviews.newLimit': 'New limit', 'reviews.newTerms': 'New terms (days)', 'reviews.submit': 'Record the review',
  'reviews.recorded': 'Review {0} of {1} recorded: {2}, by {3}.', 'reviews.recommended': 'The policy recommended {0} (limit {1}).',
  'reviews.reviewer': 'Reviewer', 'reviews.recommendation': 'Policy recommended',
  'decision.keep': 'keep', 'decision.raise_limit': 'raise the limit', 'decision.lower_limit': 'lower the limit',
  'decision.change_terms': 'change the terms', 'decision.hold': 'hold orders', 'decision.release': 'release the hold',
  'collections.title': 'Collection worklist as of {0}', 'collections.count': '{0} customers overdue, {1} overdue in all',
  'collections.none': 'No customer is overdue.', 'collections.lgd': 'LGD', 'collections.loss': 'Loss on overdue',
  'collections.oldest': 'Oldest days past due', 'collections.dunning': 'Dunning', 'collections.todo': 'To do',
  'collections.lastAction': 'Last action', 'collections.promise': 'Open promise', 'collections.promiseText': '{0} by {1}',
  'collections.work': 'Work', 'collections.workThis': 'Work on {0}', 'collections.record': 'Record an action or a promise to pay',
  'collections.chooseCustomer': 'Choose a customer first (the Work button of a row).', 'collections.action': 'Action',
  'collections.kind': 'Kind', 'collections.date': 'Date', 'collections.recordAction': 'Record the action',
  'collections.promiseTitle': 'Promise to pay', 'collections.amount': 'Amount', 'collections.payBy': 'Pay by',
  'collections.promisedOn': 'Promised on', 'collections.recordPromise': 'Record the promise', 'collections.paid': 'Paid',
  'collections.actionRecorded': 'Action {0} recorded: {1} with {2}, by {3}.',
  'collections.promiseRecorded': 'Promise {0} recorded: {1} pays {2} by {3}.',
  'action.call': 'call', 'action.email': 'e-mail', 'action.letter': 'letter', 'action.visit': 'visit', 'action.agency': 'agency',
  'promise.open': 'open', 'promise.kept': 'kept', 'promise.broken': 'broken',
  'customer.reviews': 'Reviews', 'customer.noReviews': 'No review recorded.', 'customer.collections': 'Collections',
  'customer.actions': 'Actions', 'customer.noActions': 'No collection action recorded.', 'customer.promises': 'Promises to pay',
  'customer.noPromises': 'No promise to pay recorded.',
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
  // 预警收件箱、复核队列、催收工作清单。
  'nav.alerts': '预警', 'nav.reviews': '复核', 'nav.collections': '催收',
  'alerts.title': '预警', 'alerts.count': '共 {0} 条预警', 'alerts.none': '没有符合条件的预警。',
  'alert.id': '预警编号', 'alert.customer': '客户', 'alert.rule': '规则', 'alert.severity': '严重程度', 'alert.status': '状态',
  'alert.firstSeen': '首次出现', 'alert.lastSeen': '最近出现', 'alert.seen': '出现（首次 – 最近）', 'alert.valueThreshold': '数值 / 阈值', 'alert.by': '处理人', 'alert.note': '备注', 'alert.decide': '处理',
  'alert.status.open': '未处理', 'alert.status.acknowledged': '已确认', 'alert.status.resolved': '已解决', 'alert.status.all': '全部',
  'alert.severity.low': '低', 'alert.severity.medium': '中', 'alert.severity.high': '高', 'alert.severity.extreme': '极高',
  'alert.acknowledge': '确认', 'alert.resolve': '解决', 'alert.noteFor': '预警 {0} 的备注', 'alert.cleared': '已自动消除',
  'alert.acknowledged': '预警 {0} 已确认。', 'alert.resolved': '预警 {0} 已解决。',
  'alert.reasonNeeded': '预警 {0}：请在备注中写明解决原因。',
  'reviews.title': '复核队列', 'reviews.all': '显示全部已评估客户，而不只是到期的', 'reviews.count': '{0} 个客户到期待复核',
  'reviews.countAll': '{0} 个已评估客户', 'reviews.none': '没有到期的复核。',
  'reviews.previousGrade': '上次等级', 'reviews.last': '上次复核', 'reviews.next': '下次复核', 'reviews.due': '到期',
  'reviews.why': '原因', 'reviews.interval': '复核周期', 'reviews.months': '{0} 个月', 'reviews.yes': '是', 'reviews.no': '否',
  'reviews.action': '操作', 'reviews.review': '复核', 'reviews.reviewThis': '复核 {0}',
  'reviews.trigger.interval': '已到复核周期', 'reviews.trigger.never_reviewed': '从未复核', 'reviews.trigger.grade_drop': '等级下降',
  'reviews.trigger.extreme_alert': '极高预警',
  'reviews.record': '记录复核', 'reviews.decision': '决定', 'reviews.reason': '理由', 'reviews.date': '复核日期',
  'reviews.newLimit': '新额度', 'reviews.newTerms': '新账期（天）', 'reviews.submit': '记录复核',
  'reviews.recorded': '已记录 {1} 的复核 {0}：{2}，复核人 {3}。', 'reviews.recommended': '政策建议：{0}（额度 {1}）。',
  'reviews.reviewer': '复核人', 'reviews.recommendation': '政策建议',
  'decision.keep': '维持', 'decision.raise_limit': '提高额度', 'decision.lower_limit': '降低额度',
  'decision.change_terms': '调整账期', 'decision.hold': '暂停发货', 'decision.release': '解除暂停',
  'collections.title': '催收工作清单（截至 {0}）', 'collections.count': '{0} 个客户逾期，逾期合计 {1}',
  'collections.none': '没有逾期客户。', 'collections.lgd': '违约损失率', 'collections.loss': '逾期部分预期损失',
  'collections.oldest': '最早逾期天数', 'collections.dunning': '催收级别', 'collections.todo': '应采取的行动',
  'collections.lastAction': '最近催收行动', 'collections.promise': '未兑现的付款承诺', 'collections.promiseText': '{1} 前支付 {0}',
  'collections.work': '处理', 'collections.workThis': '处理 {0}', 'collections.record': '记录催收行动或付款承诺',
  'collections.chooseCustomer': '请先选择客户（点击该行的“处理”按钮）。', 'collections.action': '催收行动',
  'collections.kind': '方式', 'collections.date': '日期', 'collections.recordAction': '记录行动',
  'collections.promiseTitle': '付款承诺', 'collections.amount': '金额', 'collections.payBy': '承诺付款日',
  'collections.promisedOn': '承诺日期', 'collections.recordPromise': '记录承诺', 'collections.paid': '已付',
  'collections.actionRecorded': '已记录行动 {0}：与 {2} {1}，经办人 {3}。',
  'collections.promiseRecorded': '已记录承诺 {0}：{1} 将于 {3} 前支付 {2}。',
  'action.call': '电话', 'action.email': '邮件', 'action.letter': '信函', 'action.visit': '上门拜访', 'action.agency': '委托催收机构',
  'promise.open': '待兑现', 'promise.kept': '已兑现', 'promise.broken': '已违约',
  'customer.reviews': '复核记录', 'customer.noReviews': '尚无复核记录。', 'customer.collections': '催收',
  'customer.actions': '催收行动', 'customer.noActions': '尚无催收行动。', 'customer.promises': '付款承诺',
  'customer.noPromises': '尚无付款承诺。',
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
