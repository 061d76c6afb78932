using System.Text;
using static CustomerRisk.Application.Reports.ReportFormat;

namespace CustomerRisk.Application.Reports;

/// <summary>Writes a report model as Markdown (CommonMark with pipe tables). Every string that comes from the user's
/// data or policy file is escaped, so a name like <c>&lt;script&gt;</c> or <c>A | B</c> is shown as written and
/// never becomes markup. Line endings are <c>\n</c>.</summary>
public static class MarkdownReportWriter
{
    /// <summary>The customer report as Markdown.</summary>
    public static string Write(CustomerRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = new StringBuilder(8192);
        var who = report.Name is { Length: > 0 } name ? $"{Md(name)} ({Md(report.CustomerId)})" : Md(report.CustomerId);
        var c = report.Conclusions;
        w.Append("# Credit risk report: ").Append(who).Append('\n').Append('\n');
        w.Append("As of ").Append(Date(report.AsOf)).Append(" · policy ").Append(Md(report.PolicyVersion))
            .Append(" · score model ").Append(Md(report.Method.ScoreModel)).Append('\n');
        var master = new[] { ("industry", report.Industry), ("region", report.Region), ("sales owner", report.SalesOwner) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{x.Item1} {Md(x.Item2!)}").ToArray();
        if (master.Length > 0)
        {
            w.Append('\n').Append(char.ToUpperInvariant(master[0][0])).Append(string.Join(" · ", master)[1..]).Append('\n');
        }

        w.Append("\n## Conclusion\n\n").Append(MdBlock(c.Summary)).Append("\n\n");
        w.Append("**Grade ").Append(c.Grade).Append("**");
        if (c.CreditScore is { } score)
        {
            w.Append(" · credit score ").Append(score).Append(" · PD ").Append(Figure(c.Pd, FigureUnit.Share));
        }

        w.Append(" · risk ").Append(report.RiskMatrix.Severity).Append(" · class ").Append(Words(report.Classification.Class))
            .Append(" · expected loss ").Append(Money(c.ExpectedLoss)).Append('\n');

        w.Append("\n## 1. What was identified\n\n");
        w.Append("| figure | value | judged against |\n|---|---:|---|\n");
        foreach (var f in report.Indicators)
        {
            var label = f.Flagged ? $"**{Md(f.Label)}** ⚠" : Md(f.Label);
            w.Append("| ").Append(label).Append(" | ").Append(Figure(f.Value, f.Unit)).Append(" | ").Append(f.Benchmark is null ? string.Empty : Md(f.Benchmark)).Append(" |\n");
        }

        var g = report.Aging;
        w.Append("\nOpen receivables by days past due:\n\n");
        w.Append("| not yet due | 1–30 | 31–60 | 61–90 | 91–180 | over 180 |\n|---:|---:|---:|---:|---:|---:|\n");
        w.Append("| ").Append(string.Join(" | ", new[] { g.Current, g.D1To30, g.D31To60, g.D61To90, g.D91To180, g.D181Plus }.Select(Money))).Append(" |\n");

        w.Append("\n### Warnings that fired\n\n");
        if (report.Alerts.Count == 0)
        {
            w.Append("No warning fired.\n");
        }
        else
        {
            w.Append("| rule | finding | value | threshold | severity |\n|---|---|---:|---:|---|\n");
            foreach (var a in report.Alerts)
            {
                w.Append("| ").Append(Code(a.Rule)).Append(" | ").Append(Md(a.Finding)).Append(" | ")
                    .Append(Figure(a.Value, a.Unit)).Append(" | ").Append(a.Threshold is null ? Md(a.Comparison) : Md(a.Comparison) + " " + Figure(a.Threshold, a.Unit))
                    .Append(" | ").Append(a.Severity).Append(" |\n");
            }
        }

        w.Append("\n## 2. Risk matrix\n\n");
        var m = report.RiskMatrix;
        w.Append(MdBlock(Capital(m.ProbabilityRule))).Append("; ").Append(Md(m.ImpactRule)).Append(".\n\n");
        Matrix(w, m, cell => cell.Marked ? $"**[{cell.Severity}]**" : cell.Severity);
        w.Append("\nThe customer: PD ").Append(Figure(m.Pd, FigureUnit.Share)).Append(" (").Append(m.Probability).Append(" probability), ")
            .Append(Percent(m.ExposureShare ?? 0m)).Append(" of the portfolio's exposure (").Append(m.Impact).Append(" impact): **")
            .Append(m.Severity).Append("** (marked).\n");

        var k = report.Classification;
        w.Append("\n## 3. Classification\n\n");
        w.Append("Class **").Append(Words(k.Class)).Append("**, value–loyalty cell **").Append(ReportFormat.GridCell(k.Value, k.Loyal)).Append("**: ")
            .Append(Md(k.Strategy)).Append(".\n\n");
        w.Append("| value: net sales, 12 months | sales | claims | share of the portfolio | loyalty: months as a customer | frequency change | product focus | dormant |\n");
        w.Append("|---:|---:|---:|---:|---:|---:|---|---|\n");
        w.Append("| ").Append(Money(k.NetSales12m)).Append(" | ").Append(Money(k.Sales12m)).Append(" | ").Append(Money(k.Claims12m))
            .Append(" | ").Append(Figure(k.ContributionShare, FigureUnit.Share)).Append(" | ").Append(k.HistoryMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Missing)
            .Append(" | ").Append(Figure(k.FrequencyChange, FigureUnit.Share)).Append(" | ").Append(k.ProductFocus is null ? Missing : Md(k.ProductFocus))
            .Append(" | ").Append(k.Dormant is { } d ? (d ? "yes" : "no") : Missing).Append(" |\n\n");
        foreach (var reason in k.Reasons)
        {
            w.Append("- ").Append(Md(reason)).Append('\n');
        }

        var me = report.Method;
        w.Append("\n## 4. Method\n\n").Append(MdBlock(me.RatingRule)).Append("\n\n");
        w.Append("| component | letter | figure | bands |\n|---|---|---|---|\n");
        foreach (var comp in me.Components)
        {
            w.Append("| ").Append(comp.Component).Append(" | ").Append(comp.Letter ?? Missing).Append(" | ").Append(Md(comp.Basis))
                .Append(" | ").Append(Md(comp.Rule)).Append(" |\n");
        }

        w.Append('\n').Append(MdBlock(Capital(me.Combination))).Append("\n\n");
        w.Append("Credit score: model ").Append(Code(me.ScoreModel)).Append(", ").Append(Md(me.ScoreScale)).Append('.');
        if (me.ScoreReasons.Count > 0)
        {
            w.Append(" What cost the most points:\n\n");
            foreach (var reason in me.ScoreReasons)
            {
                w.Append("- ").Append(Md(reason)).Append('\n');
            }
        }
        else
        {
            w.Append('\n');
        }

        w.Append("\nRecommended limit, step by step:\n\n");
        foreach (var step in me.LimitCalculation)
        {
            w.Append("    ").Append(step.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        }

        w.Append("\n## 5. Conclusions and recommendations\n\n");
        w.Append("| grade | terms | requirement | recommended limit | granted limit | exposure | dunning | next review | expected loss |\n");
        w.Append("|---|---:|---|---:|---:|---:|---|---|---:|\n");
        w.Append("| ").Append(c.Grade).Append(c.Vetoed ? " (veto)" : string.Empty).Append(" | ").Append(c.TermsDays).Append(" days | ")
            .Append(Md(c.Requirement)).Append(" | ").Append(Money(c.RecommendedLimit)).Append(" | ").Append(Figure(c.GrantedLimit, FigureUnit.Money))
            .Append(" | ").Append(Money(c.Exposure)).Append(" | ").Append(c.DunningLevel).Append(c.DunningLevel == "none" ? string.Empty : " " + Md(c.DunningAction))
            .Append(" | ").Append(Date(c.NextReview)).Append(c.ReviewDue ? " (due)" : string.Empty).Append(" | ").Append(Money(c.ExpectedLoss)).Append(" |\n\n");
        var n = 1;
        foreach (var line in c.Recommendations)
        {
            w.Append(n++).Append(". ").Append(Md(line)).Append('\n');
        }

        return w.ToString();
    }

    /// <summary>The portfolio report as Markdown.</summary>
    public static string Write(PortfolioRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = new StringBuilder(8192);
        w.Append("# Portfolio credit risk report\n\n");
        w.Append("As of ").Append(Date(report.AsOf)).Append(" · policy ").Append(Md(report.PolicyVersion)).Append(" · score model ")
            .Append(Md(report.ScoreModel)).Append('\n');
        w.Append("\n## Conclusion\n\n").Append(MdBlock(report.Summary)).Append("\n\n");
        var n = 1;
        foreach (var line in report.Recommendations)
        {
            w.Append(n++).Append(". ").Append(Md(line)).Append('\n');
        }

        w.Append("\n## Key figures\n\n| figure | value |\n|---|---:|\n");
        foreach (var (label, value) in new[]
        {
            ("customers", Count(report.Customers)), ("open receivables", Money(report.OpenAr)), ("overdue receivables", Money(report.OverdueAr)),
            ("exposure", Money(report.Exposure)), ("sales, last 12 months", Money(report.Sales12m)), ("DSO", Figure(report.Dso, FigureUnit.Days)),
            ("HHI (revenue shares)", Figure(report.Hhi, FigureUnit.Number)), ("top-5 share of sales", Figure(report.Top5Share, FigureUnit.Share)),
            ("top-10 share of sales", Figure(report.Top10Share, FigureUnit.Share)), ("churn rate", Figure(report.ChurnRate, FigureUnit.Share)),
            ("expected loss", Money(report.ExpectedLoss)), ("warnings fired", Count(report.Alerts)),
        })
        {
            w.Append("| ").Append(label).Append(" | ").Append(value).Append(" |\n");
        }

        w.Append("\n## Grade distribution\n\n| grade | customers | share | open receivables | exposure | expected loss | terms | requirement |\n");
        w.Append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var g in report.Grades)
        {
            w.Append("| ").Append(g.Grade).Append(" | ").Append(Count(g.Customers)).Append(" | ").Append(Percent(g.Share)).Append(" | ")
                .Append(Money(g.OpenAr)).Append(" | ").Append(Money(g.Exposure)).Append(" | ").Append(Money(g.ExpectedLoss)).Append(" | ")
                .Append(g.TermsDays).Append(" days | ").Append(Md(g.Requirement)).Append(" |\n");
        }

        w.Append("\n## Aging\n\n| bucket | open amount | share |\n|---|---:|---:|\n");
        foreach (var a in report.Aging)
        {
            w.Append("| ").Append(a.Label).Append(" | ").Append(Money(a.Amount)).Append(" | ").Append(Figure(a.Share, FigureUnit.Share)).Append(" |\n");
        }

        w.Append("\n## Concentration\n\nHHI ").Append(Figure(report.Hhi, FigureUnit.Number)).Append(", top-5 ")
            .Append(Figure(report.Top5Share, FigureUnit.Share)).Append(", top-10 ").Append(Figure(report.Top10Share, FigureUnit.Share)).Append(" of sales.\n\n");
        w.Append("| customer | name | grade | sales, 12 months | share of sales |\n|---|---|---|---:|---:|\n");
        foreach (var r in report.LargestCustomers)
        {
            w.Append("| ").Append(Md(r.CustomerId)).Append(" | ").Append(Md(r.Name ?? string.Empty)).Append(" | ").Append(r.Grade).Append(" | ")
                .Append(Money(r.Sales12m)).Append(" | ").Append(Figure(r.RevenueShare, FigureUnit.Share)).Append(" |\n");
        }

        w.Append("\n## Top risks\n\n");
        if (report.TopRisks.Count == 0)
        {
            w.Append("No customer carries an expected loss or a warning.\n");
        }
        else
        {
            w.Append("| customer | name | grade | severity | PD | exposure | expected loss | oldest past due | warnings | first action |\n");
            w.Append("|---|---|---|---|---:|---:|---:|---:|---|---|\n");
            foreach (var r in report.TopRisks)
            {
                w.Append("| ").Append(Md(r.CustomerId)).Append(" | ").Append(Md(r.Name ?? string.Empty)).Append(" | ").Append(r.Grade).Append(" | ")
                    .Append(r.Severity).Append(" | ").Append(Figure(r.Pd, FigureUnit.Share)).Append(" | ").Append(Money(r.Exposure)).Append(" | ")
                    .Append(Money(r.ExpectedLoss)).Append(" | ").Append(r.OldestDaysPastDue).Append(" days | ")
                    .Append(r.Alerts.Count == 0 ? Missing : string.Join(", ", r.Alerts.Select(Code))).Append(" | ").Append(Md(r.Action)).Append(" |\n");
            }
        }

        var m = report.RiskMatrix;
        w.Append("\n## Risk matrix\n\n").Append(MdBlock(Capital(m.ProbabilityRule))).Append("; ").Append(Md(m.ImpactRule))
            .Append(". Each cell: severity, customers, exposure.\n\n");
        Matrix(w, m, cell => $"{cell.Severity}: {Count(cell.Customers)} · {Money(cell.Exposure)}");

        w.Append("\n## Customer classes\n\n| class | customers | open receivables | exposure |\n|---|---:|---:|---:|\n");
        foreach (var r in report.Classes)
        {
            w.Append("| ").Append(Words(r.Class)).Append(" | ").Append(Count(r.Customers)).Append(" | ").Append(Money(r.OpenAr))
                .Append(" | ").Append(Money(r.Exposure)).Append(" |\n");
        }

        w.Append("\n## Value–loyalty grid\n\nEach cell: customers, open receivables (of them high-risk), strategy.\n\n");
        w.Append("| value \\ loyalty | loyal | not loyal |\n|---|---|---|\n");
        foreach (var value in new[] { "high", "medium", "low" })
        {
            w.Append("| ").Append(value).Append(" value");
            foreach (var loyal in new[] { true, false })
            {
                var cell = report.Grid.First(x => x.Value == value && x.Loyal == loyal);
                w.Append(" | ").Append(Count(cell.Customers)).Append(" · ").Append(Money(cell.OpenAr));
                if (cell.HighRisk > 0)
                {
                    w.Append(" (").Append(Count(cell.HighRisk)).Append(" high-risk)");
                }

                w.Append(" · ").Append(Md(cell.Strategy));
            }

            w.Append(" |\n");
        }

        return w.ToString();
    }

    /// <summary>Escapes text for Markdown inside a line (CommonMark with pipe tables): <c>&lt;</c> becomes an entity,
    /// so no raw HTML gets through, and so does an <c>&amp;</c> that would start an entity; the characters that make
    /// code, emphasis, links and table cells are backslash-escaped (an underscore inside a word cannot make emphasis
    /// and is left alone); line breaks become spaces (a table row is one line).</summary>
    public static string Md(string text) => Escape(text, lineStart: false);

    /// <summary>Escapes text that starts a line: as <see cref="Md"/>, and what would make it a heading, quote, list
    /// item or rule is escaped too.</summary>
    public static string MdBlock(string text) => Escape(text, lineStart: true);

    private static string Escape(string text, bool lineStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 8);
        var leadingDigits = 0;
        while (lineStart && leadingDigits < text.Length && char.IsAsciiDigit(text[leadingDigits]))
        {
            leadingDigits++;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            switch (ch)
            {
                case '<': b.Append("&lt;"); break;
                case '&' when char.IsAsciiLetterOrDigit(next) || next == '#': b.Append("&amp;"); break;
                case '\r' or '\n' or '\t': b.Append(' '); break;
                case '\\' or '`' or '*' or '[' or ']' or '|' or '~':
                    b.Append('\\').Append(ch);
                    break;
                case '_' when !(char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(next)):
                    b.Append("\\_");
                    break;
                case '>' or '#' or '+' or '-' or '=' when lineStart && i == 0:
                    b.Append('\\').Append(ch);
                    break;
                case '!' when next == '[':
                    b.Append("\\!");
                    break;
                case '.' or ')' when lineStart && i > 0 && i == leadingDigits:
                    b.Append('\\').Append(ch);
                    break;
                default: b.Append(ch); break;
            }
        }

        return b.ToString();
    }

    private static string Code(string code) =>
        code.Length > 0 && code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.' or '+' or ':') ? $"`{code}`" : Md(code);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Matrix(StringBuilder w, RiskMatrixView m, Func<RiskMatrixCell, string> cellText)
    {
        w.Append("| probability \\ impact | low | medium | high |\n|---|---|---|---|\n");
        foreach (var row in m.Cells.Chunk(3))
        {
            w.Append("| ").Append(row[0].Probability);
            foreach (var cell in row)
            {
                w.Append(" | ").Append(cellText(cell));
            }

            w.Append(" |\n");
        }
    }
}
