using System.Text;
using CustomerRisk.Application.Reports;
using static CustomerRisk.Application.Reports.ReportFormat;

namespace CustomerRisk.Application.Backtest;

/// <summary>Writes a backtest as Markdown: the verdict, bad rate per grade under each policy, the order decisions on
/// bad customers, and one line per as-of date.</summary>
public static class BacktestMarkdownWriter
{
    /// <summary>The backtest as Markdown (line endings <c>\n</c>).</summary>
    public static string Write(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = new StringBuilder(4096);
        var t = result.Total;
        w.Append("# Policy backtest\n\n");
        w.Append("Candidate ").Append(MarkdownReportWriter.Md(result.CandidatePolicy)).Append(" (").Append(MarkdownReportWriter.Md(result.CandidateSource))
            .Append(") against baseline ").Append(MarkdownReportWriter.Md(result.BaselinePolicy)).Append(" (").Append(MarkdownReportWriter.Md(result.BaselineSource)).Append("), ")
            .Append(result.Dates.Count).Append(" as-of dates from ").Append(result.Dates.Count == 0 ? Missing : Date(result.Dates[0].AsOf)).Append(" to ")
            .Append(result.Dates.Count == 0 ? Missing : Date(result.Dates[^1].AsOf)).Append(". A customer is bad when one of its invoices was ")
            .Append(result.BadDaysPastDue).Append(" or more days past due within the ").Append(result.OutcomeMonths)
            .Append(" months after the as-of date; the ledger is known through ").Append(Date(result.OutcomesThrough)).Append(".\n\n");
        w.Append(Verdict(result)).Append("\n\n");

        w.Append("## Bad rate per grade (all dates)\n\n| grade | baseline customers | baseline bad | baseline bad rate | candidate customers | candidate bad | candidate bad rate |\n");
        w.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var i = 0; i < t.Baseline.Grades.Count; i++)
        {
            var b = t.Baseline.Grades[i];
            var c = t.Candidate.Grades[i];
            w.Append("| ").Append(b.Grade).Append(" | ").Append(Count(b.Customers)).Append(" | ").Append(Count(b.Bad)).Append(" | ")
                .Append(Figure(b.BadRate, FigureUnit.Share)).Append(" | ").Append(Count(c.Customers)).Append(" | ").Append(Count(c.Bad)).Append(" | ")
                .Append(Figure(c.BadRate, FigureUnit.Share)).Append(" |\n");
        }

        w.Append("\n## Decisions on a typical order (all dates)\n\n| | baseline | candidate |\n|---|---:|---:|\n");
        foreach (var (label, b, c) in new[]
        {
            ("approve", t.Baseline.Approved, t.Candidate.Approved), ("review", t.Baseline.Reviewed, t.Candidate.Reviewed),
            ("block", t.Baseline.Blocked, t.Candidate.Blocked), ("bad customers blocked", t.Baseline.BadBlocked, t.Candidate.BadBlocked),
            ("bad customers reviewed", t.Baseline.BadReviewed, t.Candidate.BadReviewed), ("bad customers approved (missed)", t.Baseline.BadApproved, t.Candidate.BadApproved),
            ("good customers blocked or reviewed", t.Baseline.GoodStopped, t.Candidate.GoodStopped),
        })
        {
            w.Append("| ").Append(label).Append(" | ").Append(Count(b)).Append(" | ").Append(Count(c)).Append(" |\n");
        }

        w.Append("| recommended limits | ").Append(Money(t.Baseline.RecommendedLimits)).Append(" | ").Append(Money(t.Candidate.RecommendedLimits)).Append(" |\n");
        w.Append("\nGrades changed for ").Append(Count(t.GradeChanged)).Append(", recommended limits for ").Append(Count(t.LimitChanged))
            .Append(", order decisions for ").Append(Count(t.DecisionChanged)).Append(" of ").Append(Count(t.Customers)).Append(" customer-dates.\n");
        if (t.GradeMoves.Count > 0)
        {
            w.Append("\n| baseline → candidate grade | customers | of them bad |\n|---|---:|---:|\n");
            foreach (var m in t.GradeMoves)
            {
                w.Append("| ").Append(m.Baseline).Append(" → ").Append(m.Candidate).Append(" | ").Append(Count(m.Customers)).Append(" | ").Append(Count(m.Bad)).Append(" |\n");
            }
        }

        w.Append("\n## Per as-of date\n\n| as of | outcome to | customers | bad | grades changed | limits changed | decisions changed | bad stopped, baseline | bad stopped, candidate | ranks bad rate, baseline | ranks bad rate, candidate |\n");
        w.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var d in result.Dates)
        {
            var x = d.Comparison;
            w.Append("| ").Append(Date(d.AsOf)).Append(" | ").Append(Date(d.OutcomeEnd)).Append(d.OutcomeComplete ? string.Empty : " (partial)").Append(" | ")
                .Append(Count(x.Customers)).Append(" | ").Append(Count(x.Bad)).Append(" | ").Append(Count(x.GradeChanged)).Append(" | ")
                .Append(Count(x.LimitChanged)).Append(" | ").Append(Count(x.DecisionChanged)).Append(" | ")
                .Append(Count(x.Baseline.BadBlocked + x.Baseline.BadReviewed)).Append(" | ").Append(Count(x.Candidate.BadBlocked + x.Candidate.BadReviewed)).Append(" | ")
                .Append(x.Baseline.RanksBadRate ? "yes" : "no").Append(" | ").Append(x.Candidate.RanksBadRate ? "yes" : "no").Append(" |\n");
        }

        return w.ToString();
    }

    /// <summary>The verdict in a credit manager's words.</summary>
    public static string Verdict(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Total;
        if (t.Customers == 0)
        {
            return "No customer was a customer at any of the dates: nothing to judge.";
        }

        var caughtBase = t.Baseline.BadBlocked + t.Baseline.BadReviewed;
        var caughtCand = t.Candidate.BadBlocked + t.Candidate.BadReviewed;
        var ranks = (t.Baseline.RanksBadRate, t.Candidate.RanksBadRate) switch
        {
            (true, true) => "Both policies' grades rank the bad rate (it does not fall from A to D).",
            (false, true) => "Only the candidate's grades rank the bad rate; the baseline's do not.",
            (true, false) => "The candidate's grades do not rank the bad rate (it falls somewhere from A to D); the baseline's do.",
            _ => "Neither policy's grades rank the bad rate.",
        };
        return $"{Count(t.Bad)} of {Count(t.Customers)} customer-dates went bad ({Figure(t.BadRate, FigureUnit.Share)}). {ranks} " +
            $"The candidate would have stopped (blocked or reviewed) {Count(caughtCand)} of the bad ones, the baseline {Count(caughtBase)}; " +
            $"it would have stopped {Count(t.Candidate.GoodStopped)} good ones, the baseline {Count(t.Baseline.GoodStopped)}.";
    }
}
