using CustomerRisk.Application.Assess;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using static CustomerRisk.Application.Reports.ReportFormat;

namespace CustomerRisk.Application.Reports;

/// <summary>Builds the report models from assessments: pure functions of (assessments, profiles, policy), no store,
/// no clock. What a report says in words is decided here; how it looks is the writers' business.</summary>
public static class RiskReportBuilder
{
    /// <summary>How many customers the portfolio report lists among the largest and the top risks.</summary>
    public const int TopCount = 10;

    private static readonly RiskLevel[] s_rows = [RiskLevel.High, RiskLevel.Medium, RiskLevel.Low];
    private static readonly RiskLevel[] s_columns = [RiskLevel.Low, RiskLevel.Medium, RiskLevel.High];
    private static readonly string[] s_grades = ["A", "B", "C", "D", "N"];

    /// <summary>The report of one customer of an assessed portfolio.</summary>
    /// <param name="assessment">The customer's assessment.</param>
    /// <param name="profile">Its master data and ledger figures; null when unknown.</param>
    /// <param name="classification">Its class and grid cell (see <see cref="ValueLoyaltyGrid"/>).</param>
    /// <param name="portfolio">The portfolio it was assessed in (for the exposure share).</param>
    /// <param name="policy">The policy it was assessed under.</param>
    public static CustomerRiskReport BuildCustomer(CustomerAssessment assessment, CustomerProfile? profile,
        ClassificationView classification, PortfolioReport portfolio, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(policy);
        var a = assessment;
        var alerts = a.Alerts.Select(alert => Alert(alert, policy)).ToArray();
        var firedMetrics = alerts.Where(x => x.Metric is not null).Select(x => x.Metric!).ToHashSet(StringComparer.Ordinal);
        var cell = Cell(a, portfolio, policy);
        var exposureShare = RiskMatrix.ExposureShare(a.Exposure, portfolio.Exposure);
        var matrix = new RiskMatrixView
        {
            Cells = Cells(policy, (p, i) => (p == cell.Probability && i == cell.Impact, 0, 0m)),
            ProbabilityRule = ProbabilityRule(policy),
            ImpactRule = ImpactRule(policy),
            Probability = Level(cell.Probability),
            Impact = Level(cell.Impact),
            Severity = cell.Severity.ToCode(),
            Pd = a.Pd,
            ExposureShare = Math.Round(exposureShare, 6, MidpointRounding.AwayFromZero),
        };
        var method = Method(a, profile, policy);
        return new CustomerRiskReport
        {
            CustomerId = a.CustomerId,
            Name = a.Name,
            Industry = profile?.Industry,
            Region = profile?.Region,
            SalesOwner = profile?.SalesOwner,
            AsOf = a.AsOf,
            PolicyVersion = a.PolicyVersion,
            Indicators = Indicators(a, policy, firedMetrics),
            Aging = a.Aging,
            Alerts = alerts,
            RiskMatrix = matrix,
            Classification = classification,
            Method = method,
            Conclusions = Conclusions(a, classification, alerts, matrix, method, policy),
        };
    }

    /// <summary>The portfolio report of an assessment run.</summary>
    /// <param name="result">The run's assessments and portfolio figures.</param>
    /// <param name="classes">Every customer's class (see <see cref="ValueLoyaltyGrid.Classify(IReadOnlyList{CustomerAssessment}, IReadOnlyDictionary{string, CustomerProfile}, CreditPolicy)"/>).</param>
    /// <param name="policy">The policy of the run.</param>
    public static PortfolioRiskReport BuildPortfolio(AssessPortfolioResult result, IReadOnlyList<ClassificationView> classes, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(policy);
        var customers = result.Customers;
        var p = result.Portfolio;

        var grades = s_grades.Select(code =>
        {
            var members = customers.Where(c => c.Grade == code).ToArray();
            var terms = policy.TermsFor(Enum.Parse<Grade>(code));
            return new GradeRow(code, members.Length, customers.Count == 0 ? 0m : Math.Round((decimal)members.Length / customers.Count, 6, MidpointRounding.AwayFromZero),
                members.Sum(m => m.OpenAr), members.Sum(m => m.Exposure), members.Sum(m => m.ExpectedLoss), terms.TermsDays, terms.Requirement);
        }).ToArray();

        var aging = new[]
        {
            ("current", "not yet due", p.Aging.Current), ("d1_30", "1–30 days past due", p.Aging.D1To30),
            ("d31_60", "31–60 days past due", p.Aging.D31To60), ("d61_90", "61–90 days past due", p.Aging.D61To90),
            ("d91_180", "91–180 days past due", p.Aging.D91To180), ("d181_plus", "over 180 days past due", p.Aging.D181Plus),
        }.Select(b => new AgingRow(b.Item1, b.Item2, b.Item3, p.OpenAr > 0m ? Math.Round(b.Item3 / p.OpenAr, 6, MidpointRounding.AwayFromZero) : null)).ToArray();

        var largest = customers.Where(c => c.Sales12m > 0m)
            .OrderByDescending(c => c.Sales12m).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(TopCount)
            .Select(c => new CustomerShareRow(c.CustomerId, c.Name, c.Grade, c.Sales12m, c.RevenueShare)).ToArray();

        var topRisks = customers.Where(c => c.ExpectedLoss > 0m || c.Alerts.Count > 0)
            .OrderByDescending(c => c.ExpectedLoss).ThenByDescending(c => SeverityRank(c.RiskSeverity)).ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(c => new TopRiskRow(c.CustomerId, c.Name, c.Grade, c.RiskSeverity, c.Pd, c.Exposure, c.ExpectedLoss,
                c.OldestDaysPastDue, c.Alerts.Select(x => x.Rule).ToArray(), FirstAction(c, policy)))
            .ToArray();

        var cells = new Dictionary<(RiskLevel, RiskLevel), (int Count, decimal Exposure)>();
        foreach (var c in customers)
        {
            var cell = Cell(c, p, policy);
            var key = (cell.Probability, cell.Impact);
            var (count, exposure) = cells.GetValueOrDefault(key);
            cells[key] = (count + 1, exposure + c.Exposure);
        }

        var matrix = new RiskMatrixView
        {
            Cells = Cells(policy, (pr, im) => cells.TryGetValue((pr, im), out var v) ? (false, v.Count, v.Exposure) : (false, 0, 0m)),
            ProbabilityRule = ProbabilityRule(policy),
            ImpactRule = ImpactRule(policy),
        };

        var classRows = ValueLoyaltyGrid.Classes(classes, customers);
        var grid = ValueLoyaltyGrid.Grid(classes, customers, policy);
        return new PortfolioRiskReport
        {
            AsOf = p.AsOf,
            PolicyVersion = result.Run.PolicyVersion,
            ScoreModel = result.Run.ScoreModel,
            Customers = customers.Count,
            OpenAr = p.OpenAr,
            OverdueAr = p.OverdueAr,
            Exposure = p.Exposure,
            Sales12m = p.Sales12m,
            Dso = p.Dso,
            Hhi = p.Hhi,
            Top5Share = p.Top5Share,
            Top10Share = p.Top10Share,
            ChurnRate = p.ChurnRate,
            ExpectedLoss = p.ExpectedLoss,
            Alerts = customers.Sum(c => c.Alerts.Count),
            Grades = grades,
            Aging = aging,
            LargestCustomers = largest,
            TopRisks = topRisks,
            RiskMatrix = matrix,
            Classes = classRows,
            Grid = grid,
            Summary = PortfolioSummary(p, grades, customers.Count),
            Recommendations = PortfolioRecommendations(customers, grades, matrix, grid, aging, policy),
        };
    }

    private static RiskAssessment Cell(CustomerAssessment a, PortfolioReport portfolio, CreditPolicy policy) =>
        RiskMatrix.Assess(Math.Clamp(a.Pd ?? 0m, 0m, 1m), a.Exposure, portfolio.Exposure, policy);

    private static RiskMatrixCell[] Cells(CreditPolicy policy, Func<RiskLevel, RiskLevel, (bool Marked, int Count, decimal Exposure)> fill)
    {
        var cells = new List<RiskMatrixCell>(9);
        foreach (var probability in s_rows)
        {
            foreach (var impact in s_columns)
            {
                var (marked, count, exposure) = fill(probability, impact);
                cells.Add(new RiskMatrixCell(Level(probability), Level(impact), policy.RiskMatrix.SeverityOf(probability, impact).ToCode(), marked, count, exposure));
            }
        }

        return [.. cells];
    }

    private static string Level(RiskLevel level) => level.ToString().ToLowerInvariant();

    private static int SeverityRank(string severity) => severity switch { "extreme" => 3, "high" => 2, "medium" => 1, _ => 0 };

    private static string ProbabilityRule(CreditPolicy policy) =>
        $"probability from PD: low below {Percent(policy.RiskMatrix.ProbabilityMediumFrom)}, medium {Percent(policy.RiskMatrix.ProbabilityMediumFrom)}–{Percent(policy.RiskMatrix.ProbabilityHighAbove)}, high above {Percent(policy.RiskMatrix.ProbabilityHighAbove)}";

    private static string ImpactRule(CreditPolicy policy) =>
        $"impact from the customer's share of the portfolio's exposure: low below {Percent(policy.RiskMatrix.ImpactMediumFrom)}, medium {Percent(policy.RiskMatrix.ImpactMediumFrom)}–{Percent(policy.RiskMatrix.ImpactHighAbove)}, high above {Percent(policy.RiskMatrix.ImpactHighAbove)}";

    private static IReadOnlyList<ReportFigure> Indicators(CustomerAssessment a, CreditPolicy policy, HashSet<string> fired)
    {
        var r = policy.Rating;
        var overdueShare = a.OpenAr > 0m ? Math.Round(a.OverdueAr / a.OpenAr, 6, MidpointRounding.AwayFromZero) : (decimal?)null;
        var collectionRule = $"rating: A from {Percent(r.CollectionAAtLeast)}, B from {Percent(r.CollectionBAtLeast)}, C from {Percent(r.CollectionCAtLeast)}, below that D (veto)";
        var timelinessRule = $"rating: A at {r.TimelinessAAtMostDays} days, B up to {r.TimelinessBAtMostDays}, C up to {r.TimelinessCAtMostDays}, more D (veto)";
        ReportFigure F(string code, string label, decimal? value, FigureUnit unit, WarningMetric? metric = null, string? extra = null, bool flagged = false)
        {
            var rules = metric is { } m ? WarningRules(policy, m) : null;
            var benchmark = string.Join("; ", new[] { extra, rules }.Where(s => !string.IsNullOrEmpty(s)));
            var isFired = flagged || (metric is { } mm && fired.Contains(mm.ToCode()));
            return new ReportFigure(code, label, value, unit, benchmark.Length == 0 ? null : benchmark, isFired);
        }

        return
        [
            F("open_ar", "open receivables", a.OpenAr, FigureUnit.Money),
            F("overdue_ar", "overdue receivables", a.OverdueAr, FigureUnit.Money),
            F("overdue_share", "overdue share of open receivables", overdueShare, FigureUnit.Share, WarningMetric.OverdueShare),
            F("oldest_dpd", "oldest open invoice past due", a.OldestDaysPastDue, FigureUnit.Days, WarningMetric.OldestDpd,
                $"orders blocked above {policy.OrderCheck.BlockDaysPastDueAbove} days"),
            F("unapplied_credit", "unapplied credit", a.UnappliedCredit, FigureUnit.Money),
            F("dso", "days sales outstanding", a.Dso, FigureUnit.Days, WarningMetric.DsoChange),
            F("ar_turnover", "receivables turnover (times a year)", a.ArTurnover, FigureUnit.Number),
            F("net_collection_rate", "net collection rate", a.NetCollectionRate, FigureUnit.Share, extra: collectionRule, flagged: a.GradeComponents.Collection == "D"),
            F("max_days_late", "worst lateness", a.MaxDaysLate, FigureUnit.Days, extra: timelinessRule, flagged: a.GradeComponents.Timeliness == "D"),
            F("avg_days_late", "average lateness (by amount)", a.AvgDaysLate, FigureUnit.Days),
            F("payment_delay_rate", "share of invoices paid late", a.PaymentDelayRate, FigureUnit.Share),
            F("sales_12m", "sales, last 12 months", a.Sales12m, FigureUnit.Money),
            F("revenue_share", "share of the portfolio's sales", a.RevenueShare, FigureUnit.Share, WarningMetric.RevenueShare),
            F("frequency_change", "change in purchase frequency", a.FrequencyChange, FigureUnit.Share, WarningMetric.FrequencyChange),
            F("amount_change", "change in purchase amounts", a.AmountChange, FigureUnit.Share),
            F("days_since_last_invoice", "days since the last invoice", a.DaysSinceLastInvoice, FigureUnit.Days),
            F("dormant", "dormant", a.Dormant is { } d ? (d ? 1m : 0m) : null, FigureUnit.Flag, WarningMetric.Dormant),
            F("complaints_90d", "complaints, 90 days", a.Complaints90d, FigureUnit.Count, WarningMetric.Complaints90d),
            F("disputes_90d", "disputes, 90 days", a.Disputes90d, FigureUnit.Count),
            F("broken_promises_180d", "broken promises to pay, 180 days", a.BrokenPromises180d, FigureUnit.Count, WarningMetric.BrokenPromises180d),
            F("claim_rate_12m", "claims as a share of sales, 12 months", a.ClaimRate12m, FigureUnit.Share),
            F("exposure", "exposure (open receivables and open orders)", a.Exposure, FigureUnit.Money),
            F("credit_limit", "granted limit", a.CreditLimit, FigureUnit.Money),
            F("utilisation", "limit utilisation", a.Utilisation, FigureUnit.Share, WarningMetric.Utilisation),
        ];
    }

    private static string? WarningRules(CreditPolicy policy, WarningMetric metric)
    {
        var rules = policy.Warnings.Where(w => w.Metric == metric)
            .Select(w => w.Comparison == Comparison.IsTrue
                ? $"warning {w.Id} when true"
                : metric == WarningMetric.DsoChange
                    ? $"warning {w.Id} when it rises {Symbol(w.Comparison)} {Figure(w.Threshold, UnitOf(metric))} against 90 days earlier"
                    : $"warning {w.Id} when {Symbol(w.Comparison)} {Figure(w.Threshold, UnitOf(metric))}")
            .ToArray();
        return rules.Length == 0 ? null : string.Join("; ", rules);
    }

    private static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.GreaterThan => ">",
        Comparison.AtLeast => "≥",
        Comparison.LessThan => "<",
        Comparison.AtMost => "≤",
        Comparison.EqualTo => "=",
        _ => "is true",
    };

    private static string InWords(Comparison comparison) => comparison switch
    {
        Comparison.GreaterThan => "above",
        Comparison.AtLeast => "at or above",
        Comparison.LessThan => "below",
        Comparison.AtMost => "at or below",
        Comparison.EqualTo => "equal to",
        _ => "is",
    };

    /// <summary>The unit a warning metric is written in.</summary>
    internal static FigureUnit UnitOf(WarningMetric metric) => metric switch
    {
        WarningMetric.OverdueShare or WarningMetric.Utilisation or WarningMetric.FrequencyChange
            or WarningMetric.DsoChange or WarningMetric.RevenueShare => FigureUnit.Share,
        WarningMetric.OldestDpd => FigureUnit.Days,
        WarningMetric.Complaints90d or WarningMetric.BrokenPromises180d => FigureUnit.Count,
        WarningMetric.Dormant => FigureUnit.Flag,
        _ => FigureUnit.Number,
    };

    private static string Label(WarningMetric metric) => metric switch
    {
        WarningMetric.GradeDrop => "Grade steps lost since the last assessment",
        WarningMetric.ExpertScore => "The experts' score",
        WarningMetric.OverdueShare => "The overdue share of open receivables",
        WarningMetric.OldestDpd => "Days past due of the oldest open invoice",
        WarningMetric.Utilisation => "Limit utilisation",
        WarningMetric.FrequencyChange => "Purchase frequency",
        WarningMetric.Dormant => "The customer",
        WarningMetric.DsoChange => "The rise in DSO against 90 days earlier",
        WarningMetric.RevenueShare => "The customer's share of our sales",
        WarningMetric.Complaints90d => "Complaints in 90 days",
        WarningMetric.BrokenPromises180d => "Broken promises to pay in 180 days",
        _ => metric.ToCode(),
    };

    /// <summary>What the credit manager does when a warning on this metric fires.</summary>
    internal static string ActionFor(WarningMetric? metric) => metric switch
    {
        WarningMetric.GradeDrop => "review the customer's credit now: the grade fell since the last assessment",
        WarningMetric.ExpertScore => "ask the experts for their reasons and weigh them at the review",
        WarningMetric.OverdueShare => "chase the overdue invoices and agree a payment plan before extending more credit",
        WarningMetric.OldestDpd => "escalate the oldest invoice in dunning and hold new orders until it is paid",
        WarningMetric.Utilisation => "check every new order against the limit; ask for part payment before shipping more",
        WarningMetric.FrequencyChange => "call the customer to learn why it buys less (service, price, a competitor)",
        WarningMetric.Dormant => "contact the customer to win it back, or close the account and collect what is open",
        WarningMetric.DsoChange => "find out why payments are slowing; shorten the terms if it goes on",
        WarningMetric.RevenueShare => "limit the dependence: seek a guarantee or credit insurance and spread sales",
        WarningMetric.Complaints90d => "settle the complaints first: open complaints hold payments back",
        WarningMetric.BrokenPromises180d => "accept no more promises to pay: require payment before shipping",
        _ => "look into the figure at the next review",
    };

    private static ReportAlert Alert(AlertOutput alert, CreditPolicy policy)
    {
        var rule = policy.Warnings.FirstOrDefault(w => w.Id == alert.Rule);
        if (rule is null)
        {
            return new ReportAlert(alert.Rule, null, alert.Threshold is null ? "is true" : "?", alert.Value, alert.Threshold,
                FigureUnit.Number, alert.Severity, alert.Message, ActionFor(null));
        }

        var unit = UnitOf(rule.Metric);
        var finding = rule.Comparison == Comparison.IsTrue
            ? $"{Label(rule.Metric)} is {rule.Metric.ToCode().Replace('_', ' ')}."
            : $"{Label(rule.Metric)} is {Figure(alert.Value, unit)}, {InWords(rule.Comparison)} the threshold of {Figure(alert.Threshold, unit)}.";
        return new ReportAlert(alert.Rule, rule.Metric.ToCode(), Symbol(rule.Comparison), alert.Value, alert.Threshold, unit,
            alert.Severity, finding, ActionFor(rule.Metric));
    }

    private static string FirstAction(CustomerAssessment c, CreditPolicy policy)
    {
        if (c.Grade == "D")
        {
            return $"grade D: {policy.TermsFor(Grade.D).Requirement}";
        }

        if (c.Alerts.Count > 0)
        {
            return ActionFor(policy.Warnings.FirstOrDefault(w => w.Id == c.Alerts[0].Rule)?.Metric);
        }

        return c.DunningLevel == "none" ? "watch" : $"dunning {c.DunningLevel}";
    }

    private static MethodView Method(CustomerAssessment a, CustomerProfile? profile, CreditPolicy policy)
    {
        var r = policy.Rating;
        var focusRule = string.Join(", ", r.FocusGrades.OrderBy(f => f.Key).Select(f => $"{f.Key.ToCode()} {f.Value.ToCode()}"));
        var components = new[]
        {
            new RatingComponentView("collection", a.GradeComponents.Collection,
                a.NetCollectionRate is { } ncr ? $"net collection rate {Percent(ncr)}" : "no invoice fell due in the last 12 months",
                $"A from {Percent(r.CollectionAAtLeast)}, B from {Percent(r.CollectionBAtLeast)}, C from {Percent(r.CollectionCAtLeast)}, below D"),
            new RatingComponentView("timeliness", a.GradeComponents.Timeliness,
                a.MaxDaysLate is { } late ? $"worst lateness {late} days" : "no invoice fell due in the last 12 months",
                $"A {r.TimelinessAAtMostDays} days, B up to {r.TimelinessBAtMostDays}, C up to {r.TimelinessCAtMostDays}, more D"),
            new RatingComponentView("focus", a.GradeComponents.Focus,
                profile?.ProductFocus is { } focus ? $"product focus {focus.ToCode()}" : "product focus not recorded",
                focusRule),
        };
        var scale = policy.ScoreScale;
        var grade = Enum.Parse<Grade>(a.Grade);
        var limit = CreditLimits.Recommend(new LimitInputs(grade, a.Sales12m, profile?.AnnualRevenue), policy);
        return new MethodView
        {
            RatingRule = "Three components are graded A to D from the figures as of the report date (seed 004): collection " +
                "from the net collection rate, timeliness from the worst lateness, focus from how much of the customer's " +
                "business is our product. Any D component makes the grade D (one veto decides). Otherwise A = 3, B = 2, " +
                $"C = 1 are averaged over the components with data: A from a mean of {r.AMeanAtLeast}, B from {r.BMeanAtLeast}, " +
                "else C. With no invoice due in the last 12 months the grade is N (not enough history).",
            Components = components,
            Combination = Combination(a, components),
            ScoreModel = a.ScoreModel,
            ScoreScale = $"{Number(scale.BaseScore)} points at good:bad odds of {Number(scale.BaseOdds)}:1, {Number(scale.Pdo)} points to double the odds, clipped to {Number(scale.MinScore)}–{Number(scale.MaxScore)}; PD = 1 / (1 + odds)",
            ScoreReasons = a.ScoreReasons.Select(ShortNumbers).ToArray(),
            LimitCalculation = [.. limit.Log.Select(s => s.ToString()), $"policy {limit.PolicyVersion}"],
            PolicyVersion = a.PolicyVersion,
        };
    }

    private static string Combination(CustomerAssessment a, RatingComponentView[] components)
    {
        var letters = string.Join(", ", components.Select(c => $"{c.Component} {c.Letter ?? "–"}"));
        if (a.Grade == "N")
        {
            return $"{letters}: no invoice fell due in the last 12 months, so the grade is N.";
        }

        if (a.Vetoed)
        {
            var vetoes = components.Where(c => c.Letter == "D").Select(c => c.Component).ToArray();
            return $"{letters}: {string.Join(" and ", vetoes)} {(vetoes.Length == 1 ? "is" : "are")} D, so the grade is D (veto).";
        }

        var present = components.Where(c => c.Letter is "A" or "B" or "C").Select(c => c.Letter switch { "A" => 3, "B" => 2, _ => 1 }).ToArray();
        var mean = present.Length == 0 ? 0m : (decimal)present.Sum() / present.Length;
        return $"{letters}: mean {Number(Math.Round(mean, 2, MidpointRounding.AwayFromZero))}, so the grade is {a.Grade}.";
    }

    private static ConclusionView Conclusions(CustomerAssessment a, ClassificationView classification,
        IReadOnlyList<ReportAlert> alerts, RiskMatrixView matrix, MethodView method, CreditPolicy policy)
    {
        var grade = Enum.Parse<Grade>(a.Grade);
        var dunning = Dunning.LevelFor(a.OldestDaysPastDue, policy);
        var who = a.Name is { Length: > 0 } name ? $"{name} ({a.CustomerId})" : a.CustomerId;
        var opinion = grade switch
        {
            Grade.N => $"{who} has not enough payment history for a grade (N)",
            Grade.D when a.Vetoed => $"{who} is graded D, vetoed by {string.Join(" and ", method.Components.Where(c => c.Letter == "D").Select(c => c.Component))}",
            _ => $"{who} is graded {a.Grade}",
        };
        var score = a.CreditScore is { } s ? $", with a credit score of {s} (PD {Figure(a.Pd, FigureUnit.Share)})" : string.Empty;
        var summary = $"{opinion}{score}. Its exposure of {Money(a.Exposure)} is {Percent(matrix.ExposureShare ?? 0m)} of the portfolio's: " +
            $"{matrix.Probability} probability and {matrix.Impact} impact on the risk matrix: {matrix.Severity} risk. " +
            (alerts.Count == 0
                ? "No warning fired."
                : $"{alerts.Count} warning{(alerts.Count == 1 ? string.Empty : "s")} fired: {string.Join(", ", alerts.Select(x => x.Rule))}.");

        var recommendations = new List<string>();
        var terms = policy.TermsFor(grade);
        if (grade == Grade.D || (terms.HoldOrders && a.RecommendedLimit == 0m))
        {
            recommendations.Add($"Grant no credit (grade {a.Grade}): {terms.Requirement}." +
                (a.CreditLimit is { } g and > 0m ? $" Withdraw the granted limit of {Money(g)}." : string.Empty));
        }
        else
        {
            var basis = grade == Grade.N ? "the starter limit for a new customer" : $"grade {a.Grade}";
            var line = $"Grant {a.TermsDays} days' terms and a limit of {Money(a.RecommendedLimit)} ({basis}).";
            line += a.CreditLimit switch
            {
                null => " No limit is granted today: grant it before the next order.",
                { } g when g > a.RecommendedLimit => $" The granted limit of {Money(g)} is above the recommendation: lower it at the review.",
                { } g when g < a.RecommendedLimit => $" The granted limit of {Money(g)} leaves room: it may be raised on request.",
                { } g => $" The granted limit of {Money(g)} matches: keep it.",
            };
            recommendations.Add(line);
            if (!string.Equals(terms.Requirement, "none", StringComparison.OrdinalIgnoreCase))
            {
                recommendations.Add($"Before shipping: {terms.Requirement}.");
            }
        }

        recommendations.Add(dunning.Level == DunningLevel.None
            ? "Nothing is past due: no dunning."
            : $"Dunning step {dunning.Level.ToCode()} ({dunning.Action}): the oldest open invoice is {a.OldestDaysPastDue} days past due.");
        recommendations.Add(a.ReviewDue
            ? $"Review the customer's credit now (due since {Date(a.NextReview)})."
            : $"Next periodic review by {Date(a.NextReview)}.");
        foreach (var alert in alerts)
        {
            recommendations.Add($"{char.ToUpperInvariant(alert.Action[0])}{alert.Action[1..]} ({alert.Rule}).");
        }

        recommendations.Add($"As a {Words(classification.Class)} customer in the {CellWords(classification)} cell of the value–loyalty grid: {classification.Strategy}.");
        return new ConclusionView
        {
            Grade = a.Grade,
            Vetoed = a.Vetoed,
            CreditScore = a.CreditScore,
            Pd = a.Pd,
            TermsDays = a.TermsDays,
            Requirement = a.Requirement,
            RecommendedLimit = a.RecommendedLimit,
            GrantedLimit = a.CreditLimit,
            Exposure = a.Exposure,
            DunningLevel = a.DunningLevel,
            DunningAction = dunning.Action,
            OldestDaysPastDue = a.OldestDaysPastDue,
            NextReview = a.NextReview,
            ReviewDue = a.ReviewDue,
            ExpectedLoss = a.ExpectedLoss,
            Summary = summary,
            Recommendations = recommendations,
        };
    }

    private static string Customers(int count) => count == 1 ? "1 customer" : $"{Count(count)} customers";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string CellWords(ClassificationView c) => GridCell(c.Value, c.Loyal);

    /// <summary>Rounds the long decimals a score reason may carry (a raw rate) to 4 places, for reading.</summary>
    private static string ShortNumbers(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"-?\d+\.\d{5,}",
        m => Number(decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)));

    private static string PortfolioSummary(PortfolioReport p, GradeRow[] grades, int customers)
    {
        if (customers == 0)
        {
            return "The portfolio has no customers.";
        }

        var d = grades.First(g => g.Grade == "D");
        var overdue = p.OpenAr > 0m ? Percent(p.OverdueAr / p.OpenAr) : Percent(0m);
        var dShare = p.OpenAr > 0m ? Percent(d.OpenAr / p.OpenAr) : Percent(0m);
        return $"{Capital(Customers(customers))} owe{(customers == 1 ? "s" : string.Empty)} {Money(p.OpenAr)}, {overdue} of it overdue; DSO is {Figure(p.Dso, FigureUnit.Days)}. " +
            $"{Capital(Customers(d.Customers))} {(d.Customers == 1 ? "is" : "are")} graded D and hold{(d.Customers == 1 ? "s" : string.Empty)} {dShare} of open receivables; the expected loss is {Money(p.ExpectedLoss)}. " +
            $"The five largest customers take {Figure(p.Top5Share, FigureUnit.Share)} of sales (HHI {Figure(p.Hhi, FigureUnit.Number)}).";
    }

    private static IReadOnlyList<string> PortfolioRecommendations(IReadOnlyList<CustomerAssessment> customers, GradeRow[] grades,
        RiskMatrixView matrix, IReadOnlyList<GridCellView> grid, AgingRow[] aging, CreditPolicy policy)
    {
        var lines = new List<string>();
        var d = grades.First(g => g.Grade == "D");
        if (d.Customers > 0)
        {
            lines.Add($"Grade D ({Customers(d.Customers)}, {Money(d.OpenAr)} open): {policy.TermsFor(Grade.D).Requirement}; collect what is open.");
        }

        var c = grades.First(g => g.Grade == "C");
        if (c.Customers > 0 && !string.Equals(c.Requirement, "none", StringComparison.OrdinalIgnoreCase))
        {
            lines.Add($"Grade C ({Customers(c.Customers)}): {c.Requirement}.");
        }

        var severe = matrix.Cells.Where(x => x.Severity is "high" or "extreme").Sum(x => x.Customers);
        if (severe > 0)
        {
            lines.Add($"Review first the {Customers(severe)} in high or extreme cells of the risk matrix.");
        }

        var late = aging.Where(x => x.Bucket is "d91_180" or "d181_plus").Sum(x => x.Amount);
        if (late > 0m)
        {
            lines.Add($"{Money(late)} is more than 90 days past due: send it to legal or an agency and consider a provision.");
        }

        var concentrated = customers.Count(x => x.Alerts.Any(a => policy.Warnings.FirstOrDefault(w => w.Id == a.Rule)?.Metric == WarningMetric.RevenueShare));
        if (concentrated > 0)
        {
            lines.Add($"{Capital(Customers(concentrated))} each take more of our sales than the concentration threshold: secure them with guarantees or credit insurance.");
        }

        var drifting = grid.First(x => x.Cell == "high_value_disloyal");
        if (drifting.Customers > 0)
        {
            lines.Add($"High value, not loyal ({Customers(drifting.Customers)}): {drifting.Strategy}.");
        }

        var due = customers.Count(x => x.ReviewDue);
        if (due > 0)
        {
            lines.Add($"{Capital(Count(due))} credit review{(due == 1 ? " is" : "s are")} due.");
        }

        if (lines.Count == 0)
        {
            lines.Add("Nothing calls for action beyond the periodic reviews.");
        }

        return lines;
    }
}
