using System.Globalization;
using System.Text;
using static CustomerRisk.Application.Reports.ReportFormat;

namespace CustomerRisk.Application.Reports;

/// <summary>Writes a report model as one self-contained HTML page: inline CSS, no scripts, no external assets, so it
/// can be mailed or archived as it is. The markup is well-formed XML (every element closed, attributes quoted), and
/// every string from the user's data or policy file is escaped.</summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #d9e2ec;padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.05em}
        .meta{color:#52606d;margin-top:0}.headline{font-size:1.1em;background:#f0f4f8;padding:.6em .9em;border-radius:6px}
        table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{border:1px solid #d9e2ec;padding:.3em .6em;vertical-align:top}
        th{background:#f0f4f8;text-align:left}td.n{text-align:right;white-space:nowrap}tr.flag td{background:#fff4e5}tr.flag td:first-child{font-weight:600}
        .low{background:#e3f9e5}.medium{background:#fffbea}.high{background:#ffe8d9}.extreme{background:#ffe3e3;font-weight:600}
        td.marked{outline:3px solid #1f2933;outline-offset:-3px;font-weight:700}
        pre{background:#f0f4f8;padding:.6em;overflow-x:auto}.grade{font-size:1.4em;font-weight:700}
        """;

    /// <summary>The customer report as an HTML page.</summary>
    public static string Write(CustomerRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Conclusions;
        var who = report.Name is { Length: > 0 } name ? $"{name} ({report.CustomerId})" : report.CustomerId;
        var w = Begin($"Credit risk report: {who}");
        w.Append("<header><h1>Credit risk report: ").Append(H(who)).Append("</h1>");
        w.Append("<p class=\"meta\">As of ").Append(Date(report.AsOf)).Append(" · policy ").Append(H(report.PolicyVersion))
            .Append(" · score model ").Append(H(report.Method.ScoreModel));
        foreach (var (label, value) in new[] { ("industry", report.Industry), ("region", report.Region), ("sales owner", report.SalesOwner) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                w.Append(" · ").Append(label).Append(' ').Append(H(value));
            }
        }

        w.Append("</p></header>\n");

        w.Append("<section id=\"conclusion\"><h2>Conclusion</h2><p class=\"headline\"><span class=\"grade\">Grade ").Append(c.Grade)
            .Append("</span>");
        if (c.CreditScore is { } score)
        {
            w.Append(" · credit score ").Append(score).Append(" · PD ").Append(Figure(c.Pd, FigureUnit.Share));
        }

        w.Append(" · risk <span class=\"").Append(H(report.RiskMatrix.Severity ?? "low")).Append("\">").Append(H(report.RiskMatrix.Severity ?? Missing))
            .Append("</span> · class ").Append(H(Words(report.Classification.Class))).Append(" · expected loss ").Append(Money(c.ExpectedLoss))
            .Append("</p><p>").Append(H(c.Summary)).Append("</p></section>\n");

        w.Append("<section id=\"identified\"><h2>1. What was identified</h2><table><thead><tr><th>figure</th><th>value</th><th>judged against</th></tr></thead><tbody>");
        foreach (var f in report.Indicators)
        {
            w.Append(f.Flagged ? "<tr class=\"flag\">" : "<tr>").Append("<td>").Append(H(f.Label)).Append(f.Flagged ? " ⚠" : string.Empty)
                .Append("</td><td class=\"n\">").Append(H(Figure(f.Value, f.Unit))).Append("</td><td>").Append(H(f.Benchmark ?? string.Empty)).Append("</td></tr>");
        }

        w.Append("</tbody></table>\n<h3>Open receivables by days past due</h3><table><thead><tr><th>not yet due</th><th>1–30</th><th>31–60</th><th>61–90</th><th>91–180</th><th>over 180</th></tr></thead><tbody><tr>");
        var g = report.Aging;
        foreach (var amount in new[] { g.Current, g.D1To30, g.D31To60, g.D61To90, g.D91To180, g.D181Plus })
        {
            w.Append("<td class=\"n\">").Append(Money(amount)).Append("</td>");
        }

        w.Append("</tr></tbody></table>\n<h3>Warnings that fired</h3>");
        if (report.Alerts.Count == 0)
        {
            w.Append("<p>No warning fired.</p>");
        }
        else
        {
            w.Append("<table><thead><tr><th>rule</th><th>finding</th><th>value</th><th>threshold</th><th>severity</th><th>action</th></tr></thead><tbody>");
            foreach (var a in report.Alerts)
            {
                w.Append("<tr><td><code>").Append(H(a.Rule)).Append("</code></td><td>").Append(H(a.Finding)).Append("</td><td class=\"n\">")
                    .Append(H(Figure(a.Value, a.Unit))).Append("</td><td class=\"n\">").Append(H(a.Comparison))
                    .Append(a.Threshold is null ? string.Empty : " " + H(Figure(a.Threshold, a.Unit))).Append("</td><td class=\"").Append(H(a.Severity)).Append("\">")
                    .Append(H(a.Severity)).Append("</td><td>").Append(H(a.Action)).Append("</td></tr>");
            }

            w.Append("</tbody></table>");
        }

        w.Append("</section>\n");

        var m = report.RiskMatrix;
        w.Append("<section id=\"risk-matrix\"><h2>2. Risk matrix</h2><p>").Append(H(Capital(m.ProbabilityRule))).Append("; ").Append(H(m.ImpactRule)).Append(".</p>");
        Matrix(w, m, cell => cell.Marked ? $"{H(cell.Severity)} ◉ this customer" : H(cell.Severity));
        w.Append("<p>The customer: PD ").Append(Figure(m.Pd, FigureUnit.Share)).Append(" (").Append(H(m.Probability ?? Missing)).Append(" probability), ")
            .Append(Percent(m.ExposureShare ?? 0m)).Append(" of the portfolio's exposure (").Append(H(m.Impact ?? Missing)).Append(" impact): <strong>")
            .Append(H(m.Severity ?? Missing)).Append("</strong>.</p></section>\n");

        var k = report.Classification;
        w.Append("<section id=\"classification\"><h2>3. Classification</h2><p>Class <strong>").Append(H(Words(k.Class)))
            .Append("</strong>, value–loyalty cell <strong>").Append(H(ReportFormat.GridCell(k.Value, k.Loyal))).Append("</strong>: ").Append(H(k.Strategy)).Append(".</p>");
        w.Append("<table><thead><tr><th>net sales, 12 months</th><th>sales</th><th>claims</th><th>share of the portfolio</th><th>months as a customer</th><th>frequency change</th><th>product focus</th><th>dormant</th></tr></thead><tbody><tr>");
        foreach (var cell in new[]
        {
            Money(k.NetSales12m), Money(k.Sales12m), Money(k.Claims12m), Figure(k.ContributionShare, FigureUnit.Share),
            k.HistoryMonths?.ToString(CultureInfo.InvariantCulture) ?? Missing, Figure(k.FrequencyChange, FigureUnit.Share),
            k.ProductFocus ?? Missing, k.Dormant is { } d ? (d ? "yes" : "no") : Missing,
        })
        {
            w.Append("<td>").Append(H(cell)).Append("</td>");
        }

        w.Append("</tr></tbody></table><ul>");
        foreach (var reason in k.Reasons)
        {
            w.Append("<li>").Append(H(reason)).Append("</li>");
        }

        w.Append("</ul></section>\n");

        var me = report.Method;
        w.Append("<section id=\"method\"><h2>4. Method</h2><p>").Append(H(me.RatingRule)).Append("</p>");
        w.Append("<table><thead><tr><th>component</th><th>letter</th><th>figure</th><th>bands</th></tr></thead><tbody>");
        foreach (var comp in me.Components)
        {
            w.Append("<tr><td>").Append(H(comp.Component)).Append("</td><td>").Append(H(comp.Letter ?? Missing)).Append("</td><td>")
                .Append(H(comp.Basis)).Append("</td><td>").Append(H(comp.Rule)).Append("</td></tr>");
        }

        w.Append("</tbody></table><p>").Append(H(Capital(me.Combination))).Append("</p><p>Credit score: model <code>").Append(H(me.ScoreModel))
            .Append("</code>, ").Append(H(me.ScoreScale)).Append(".</p>");
        if (me.ScoreReasons.Count > 0)
        {
            w.Append("<p>What cost the most points:</p><ul>");
            foreach (var reason in me.ScoreReasons)
            {
                w.Append("<li>").Append(H(reason)).Append("</li>");
            }

            w.Append("</ul>");
        }

        w.Append("<h3>Recommended limit, step by step</h3><pre>").Append(H(string.Join("\n", me.LimitCalculation))).Append("</pre></section>\n");

        w.Append("<section id=\"recommendations\"><h2>5. Conclusions and recommendations</h2><table><thead><tr><th>grade</th><th>terms</th><th>requirement</th><th>recommended limit</th><th>granted limit</th><th>exposure</th><th>dunning</th><th>next review</th><th>expected loss</th></tr></thead><tbody><tr>");
        w.Append("<td>").Append(c.Grade).Append(c.Vetoed ? " (veto)" : string.Empty).Append("</td><td class=\"n\">").Append(c.TermsDays).Append(" days</td><td>")
            .Append(H(c.Requirement)).Append("</td><td class=\"n\">").Append(Money(c.RecommendedLimit)).Append("</td><td class=\"n\">")
            .Append(Figure(c.GrantedLimit, FigureUnit.Money)).Append("</td><td class=\"n\">").Append(Money(c.Exposure)).Append("</td><td>")
            .Append(H(c.DunningLevel)).Append(c.DunningLevel == "none" ? string.Empty : " " + H(c.DunningAction)).Append("</td><td>")
            .Append(Date(c.NextReview)).Append(c.ReviewDue ? " (due)" : string.Empty).Append("</td><td class=\"n\">").Append(Money(c.ExpectedLoss)).Append("</td></tr></tbody></table><ol>");
        foreach (var line in c.Recommendations)
        {
            w.Append("<li>").Append(H(line)).Append("</li>");
        }

        w.Append("</ol></section>\n");
        return End(w);
    }

    /// <summary>The portfolio report as an HTML page.</summary>
    public static string Write(PortfolioRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = Begin("Portfolio credit risk report");
        w.Append("<header><h1>Portfolio credit risk report</h1><p class=\"meta\">As of ").Append(Date(report.AsOf)).Append(" · policy ")
            .Append(H(report.PolicyVersion)).Append(" · score model ").Append(H(report.ScoreModel)).Append("</p></header>\n");
        w.Append("<section id=\"conclusion\"><h2>Conclusion</h2><p class=\"headline\">").Append(H(report.Summary)).Append("</p><ol>");
        foreach (var line in report.Recommendations)
        {
            w.Append("<li>").Append(H(line)).Append("</li>");
        }

        w.Append("</ol></section>\n<section id=\"figures\"><h2>Key figures</h2><table><tbody>");
        foreach (var (label, value) in new[]
        {
            ("customers", Count(report.Customers)), ("open receivables", Money(report.OpenAr)), ("overdue receivables", Money(report.OverdueAr)),
            ("exposure", Money(report.Exposure)), ("sales, last 12 months", Money(report.Sales12m)), ("DSO", Figure(report.Dso, FigureUnit.Days)),
            ("HHI (revenue shares)", Figure(report.Hhi, FigureUnit.Number)), ("top-5 share of sales", Figure(report.Top5Share, FigureUnit.Share)),
            ("top-10 share of sales", Figure(report.Top10Share, FigureUnit.Share)), ("churn rate", Figure(report.ChurnRate, FigureUnit.Share)),
            ("expected loss", Money(report.ExpectedLoss)), ("warnings fired", Count(report.Alerts)),
        })
        {
            w.Append("<tr><th>").Append(label).Append("</th><td class=\"n\">").Append(H(value)).Append("</td></tr>");
        }

        w.Append("</tbody></table></section>\n<section id=\"grades\"><h2>Grade distribution</h2><table><thead><tr><th>grade</th><th>customers</th><th>share</th><th>open receivables</th><th>exposure</th><th>expected loss</th><th>terms</th><th>requirement</th></tr></thead><tbody>");
        foreach (var g in report.Grades)
        {
            w.Append("<tr><td>").Append(g.Grade).Append("</td><td class=\"n\">").Append(Count(g.Customers)).Append("</td><td class=\"n\">").Append(Percent(g.Share))
                .Append("</td><td class=\"n\">").Append(Money(g.OpenAr)).Append("</td><td class=\"n\">").Append(Money(g.Exposure)).Append("</td><td class=\"n\">")
                .Append(Money(g.ExpectedLoss)).Append("</td><td class=\"n\">").Append(g.TermsDays).Append(" days</td><td>").Append(H(g.Requirement)).Append("</td></tr>");
        }

        w.Append("</tbody></table></section>\n<section id=\"aging\"><h2>Aging</h2><table><thead><tr><th>bucket</th><th>open amount</th><th>share</th></tr></thead><tbody>");
        foreach (var a in report.Aging)
        {
            w.Append("<tr><td>").Append(H(a.Label)).Append("</td><td class=\"n\">").Append(Money(a.Amount)).Append("</td><td class=\"n\">")
                .Append(Figure(a.Share, FigureUnit.Share)).Append("</td></tr>");
        }

        w.Append("</tbody></table></section>\n<section id=\"concentration\"><h2>Concentration</h2><p>HHI ").Append(Figure(report.Hhi, FigureUnit.Number))
            .Append(", top-5 ").Append(Figure(report.Top5Share, FigureUnit.Share)).Append(", top-10 ").Append(Figure(report.Top10Share, FigureUnit.Share))
            .Append(" of sales.</p><table><thead><tr><th>customer</th><th>name</th><th>grade</th><th>sales, 12 months</th><th>share of sales</th></tr></thead><tbody>");
        foreach (var r in report.LargestCustomers)
        {
            w.Append("<tr><td>").Append(H(r.CustomerId)).Append("</td><td>").Append(H(r.Name ?? string.Empty)).Append("</td><td>").Append(r.Grade)
                .Append("</td><td class=\"n\">").Append(Money(r.Sales12m)).Append("</td><td class=\"n\">").Append(Figure(r.RevenueShare, FigureUnit.Share)).Append("</td></tr>");
        }

        w.Append("</tbody></table></section>\n<section id=\"top-risks\"><h2>Top risks</h2>");
        if (report.TopRisks.Count == 0)
        {
            w.Append("<p>No customer carries an expected loss or a warning.</p>");
        }
        else
        {
            w.Append("<table><thead><tr><th>customer</th><th>name</th><th>grade</th><th>severity</th><th>PD</th><th>exposure</th><th>expected loss</th><th>oldest past due</th><th>warnings</th><th>first action</th></tr></thead><tbody>");
            foreach (var r in report.TopRisks)
            {
                w.Append("<tr><td>").Append(H(r.CustomerId)).Append("</td><td>").Append(H(r.Name ?? string.Empty)).Append("</td><td>").Append(r.Grade)
                    .Append("</td><td class=\"").Append(H(r.Severity)).Append("\">").Append(H(r.Severity)).Append("</td><td class=\"n\">").Append(Figure(r.Pd, FigureUnit.Share))
                    .Append("</td><td class=\"n\">").Append(Money(r.Exposure)).Append("</td><td class=\"n\">").Append(Money(r.ExpectedLoss))
                    .Append("</td><td class=\"n\">").Append(r.OldestDaysPastDue).Append(" days</td><td>").Append(H(string.Join(", ", r.Alerts)))
                    .Append("</td><td>").Append(H(r.Action)).Append("</td></tr>");
            }

            w.Append("</tbody></table>");
        }

        var m = report.RiskMatrix;
        w.Append("</section>\n<section id=\"risk-matrix\"><h2>Risk matrix</h2><p>").Append(H(Capital(m.ProbabilityRule))).Append("; ").Append(H(m.ImpactRule))
            .Append(". Each cell: severity, customers, exposure.</p>");
        Matrix(w, m, cell => $"{H(cell.Severity)}<br/>{Count(cell.Customers)} customers<br/>{Money(cell.Exposure)}");

        w.Append("</section>\n<section id=\"classes\"><h2>Customer classes</h2><table><thead><tr><th>class</th><th>customers</th><th>open receivables</th><th>exposure</th></tr></thead><tbody>");
        foreach (var r in report.Classes)
        {
            w.Append("<tr><td>").Append(H(Words(r.Class))).Append("</td><td class=\"n\">").Append(Count(r.Customers)).Append("</td><td class=\"n\">")
                .Append(Money(r.OpenAr)).Append("</td><td class=\"n\">").Append(Money(r.Exposure)).Append("</td></tr>");
        }

        w.Append("</tbody></table></section>\n<section id=\"grid\"><h2>Value–loyalty grid</h2><table><thead><tr><th>value \\ loyalty</th><th>loyal</th><th>not loyal</th></tr></thead><tbody>");
        foreach (var value in new[] { "high", "medium", "low" })
        {
            w.Append("<tr><th>").Append(value).Append(" value</th>");
            foreach (var loyal in new[] { true, false })
            {
                var cell = report.Grid.First(x => x.Value == value && x.Loyal == loyal);
                w.Append("<td><strong>").Append(Count(cell.Customers)).Append("</strong> customers · ").Append(Money(cell.OpenAr));
                if (cell.HighRisk > 0)
                {
                    w.Append(" (").Append(Count(cell.HighRisk)).Append(" high-risk)");
                }

                w.Append("<br/>").Append(H(cell.Strategy)).Append("</td>");
            }

            w.Append("</tr>");
        }

        w.Append("</tbody></table></section>\n");
        return End(w);
    }

    /// <summary>Escapes text for HTML content and attribute values: <c>&amp; &lt; &gt; " '</c>.</summary>
    public static string H(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            b.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? (char.IsControl(ch) && ch is not '\n' and not '\t' ? " " : ch.ToString()));
        }

        return b.ToString();
    }

    private static StringBuilder Begin(string title)
    {
        var w = new StringBuilder(16384);
        w.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
            .Append(H(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        return w;
    }

    private static string End(StringBuilder w) => w.Append("<footer><p class=\"meta\">CustomerRisk</p></footer></body></html>\n").ToString();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Matrix(StringBuilder w, RiskMatrixView m, Func<RiskMatrixCell, string> cellHtml)
    {
        w.Append("<table class=\"matrix\"><thead><tr><th>probability \\ impact</th><th>low</th><th>medium</th><th>high</th></tr></thead><tbody>");
        foreach (var row in m.Cells.Chunk(3))
        {
            w.Append("<tr><th>").Append(H(row[0].Probability)).Append("</th>");
            foreach (var cell in row)
            {
                w.Append("<td class=\"").Append(H(cell.Severity)).Append(cell.Marked ? " marked" : string.Empty).Append("\">").Append(cellHtml(cell)).Append("</td>");
            }

            w.Append("</tr>");
        }

        w.Append("</tbody></table>");
    }
}
