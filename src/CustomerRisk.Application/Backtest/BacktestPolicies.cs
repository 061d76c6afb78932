using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Backtest;

/// <summary>Replay a candidate policy and a baseline over past as-of dates and judge both by what happened.</summary>
public sealed record BacktestRequest
{
    /// <summary>The policy being tested.</summary>
    public required CreditPolicy Candidate { get; init; }

    /// <summary>The policy it is compared with (the default or the one in use).</summary>
    public required CreditPolicy Baseline { get; init; }

    /// <summary>The first as-of date; default <see cref="To"/> minus 12 months, or the day the ledger has 12 months of
    /// history if that is later (but not after <see cref="To"/>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last as-of date; default the outcome months before <see cref="OutcomesThrough"/>, the last date
    /// with a full outcome window.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Months between as-of dates, 1–120; default 3.</summary>
    public int StepMonths { get; init; } = 3;

    /// <summary>The last day whose payments are known; default the latest invoice or payment date in the ledger.
    /// An invoice still open then is taken to stay open to the end of its window only up to this day.</summary>
    public DateOnly? OutcomesThrough { get; init; }

    /// <summary>Months after each as-of date in which a customer can go bad, 1–60; default 12.</summary>
    public int OutcomeMonths { get; init; } = 12;

    /// <summary>Days past due that make an invoice, and its customer, bad, 1 or more; default 90.</summary>
    public int BadDaysPastDue { get; init; } = 90;

    /// <summary>The most as-of dates one backtest replays.</summary>
    public const int MaxDates = 120;
}

/// <summary>The backtest use case (see docs/backtest.md). For each as-of date from <c>From</c> to <c>To</c> in steps,
/// both policies assess the portfolio exactly as `crisk assess` would have on that day
/// (<see cref="AssessPortfolio.HandleAsync"/> with Save = false: nothing is written), and the credit check decides a
/// typical order of every customer (the mean invoice of its last 12 months) against the limit the policy
/// recommends. Each customer is then judged by the ledger: bad when one of its invoices was at least 90 days past due
/// on some day of the following 12 months. The result gives, per date and in total, each policy's bad rate per grade,
/// how many bad customers it would have blocked or reviewed, and where the two policies differ.</summary>
public static class BacktestPolicies
{
    private static readonly string[] s_grades = ["A", "B", "C", "D", "N"];

    /// <summary>What is wrong with a request, in words; empty when nothing is.</summary>
    public static IReadOnlyList<string> Validate(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (request.StepMonths is < 1 or > 120)
        {
            errors.Add($"--step must be 1 to 120 months, found {request.StepMonths}");
        }

        if (request.OutcomeMonths is < 1 or > 60)
        {
            errors.Add($"the outcome window must be 1 to 60 months, found {request.OutcomeMonths}");
        }

        if (request.BadDaysPastDue < 1)
        {
            errors.Add($"the bad days past due must be 1 or more, found {request.BadDaysPastDue}");
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            errors.Add($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        return errors;
    }

    /// <summary>The as-of dates: from <paramref name="from"/> by whole months up to <paramref name="to"/>, and
    /// <paramref name="to"/> itself when the steps miss it. From a month's last day the steps keep to last days.</summary>
    public static IReadOnlyList<DateOnly> AsOfDates(DateOnly from, DateOnly to, int stepMonths)
    {
        var dates = new List<DateOnly>();
        // A month-end start keeps to month-ends (30 September + 3 months is 31 December, not the 30th).
        var monthEnds = from.Day == DateTime.DaysInMonth(from.Year, from.Month);
        for (var k = 0; ; k++)
        {
            var date = from.AddMonths(k * stepMonths);
            if (monthEnds)
            {
                date = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
            }

            if (date > to)
            {
                break;
            }

            dates.Add(date);
        }

        if (dates.Count == 0 || dates[^1] != to)
        {
            dates.Add(to);
        }

        return dates;
    }

    public static async Task<BacktestResult> HandleAsync(BacktestRequest request, IRiskStore store, TimeProvider clock,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(request));
        }

        var histories = new Dictionary<string, CustomerHistory>(StringComparer.Ordinal);
        var lastDay = 0;
        var firstDay = int.MaxValue;
        progress?.Report("reading the ledger");
        await foreach (var ledger in store.ReadLedgersAsync(DateOnly.MaxValue, null, cancellationToken).ConfigureAwait(false))
        {
            var history = CustomerHistory.From(ledger, request.BadDaysPastDue);
            histories[ledger.Customer.CustomerId] = history;
            lastDay = Math.Max(lastDay, history.LastDay);
            if (history.IssueDays.Length > 0)
            {
                firstDay = Math.Min(firstDay, history.IssueDays[0]);
            }
        }

        if (histories.Count == 0 || lastDay == 0)
        {
            throw new InvalidOperationException("The store holds no invoices or payments: there is nothing to backtest.");
        }

        var through = request.OutcomesThrough ?? DateOnly.FromDayNumber(lastDay);
        var to = request.To ?? through.AddMonths(-request.OutcomeMonths);
        // By default the first date is 12 months before the last, but not before the ledger has a year of history
        // (earlier dates would grade nearly everyone N).
        var from = request.From ?? Max(to.AddMonths(-12), firstDay == int.MaxValue ? to : Min(DateOnly.FromDayNumber(firstDay).AddMonths(12), to));
        if (from > to)
        {
            throw new ArgumentException($"The first as-of date {from:yyyy-MM-dd} is after the last {to:yyyy-MM-dd}.", nameof(request));
        }

        var dates = AsOfDates(from, to, request.StepMonths);
        if (dates.Count > BacktestRequest.MaxDates)
        {
            throw new ArgumentException($"{dates.Count} as-of dates from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: at most {BacktestRequest.MaxDates}; use a larger --step.", nameof(request));
        }

        var perDate = new List<BacktestDate>(dates.Count);
        var all = new List<Row>();
        foreach (var asOf in dates)
        {
            var end = Min(asOf.AddMonths(request.OutcomeMonths), through);
            if (end < asOf)
            {
                end = asOf;
            }

            progress?.Report($"{asOf:yyyy-MM-dd}: candidate");
            var candidate = await Decide(request.Candidate, asOf, store, histories, clock, cancellationToken).ConfigureAwait(false);
            progress?.Report($"{asOf:yyyy-MM-dd}: baseline");
            var baseline = await Decide(request.Baseline, asOf, store, histories, clock, cancellationToken).ConfigureAwait(false);
            var rows = new List<Row>(candidate.Count);
            foreach (var (id, c) in candidate)
            {
                if (!baseline.TryGetValue(id, out var b) || !histories[id].IsCustomerAt(asOf))
                {
                    continue;
                }

                rows.Add(new Row(c, b, histories[id].WentBad(asOf, end)));
            }

            perDate.Add(new BacktestDate(asOf, end, end == asOf.AddMonths(request.OutcomeMonths), Compare(rows, request)));
            all.AddRange(rows);
        }

        return new BacktestResult
        {
            CandidatePolicy = request.Candidate.Version,
            CandidateSource = request.Candidate.SourceName,
            BaselinePolicy = request.Baseline.Version,
            BaselineSource = request.Baseline.SourceName,
            OutcomesThrough = through,
            OutcomeMonths = request.OutcomeMonths,
            BadDaysPastDue = request.BadDaysPastDue,
            Dates = perDate,
            Total = Compare(all, request),
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static async Task<Dictionary<string, Decision>> Decide(CreditPolicy policy, DateOnly asOf, IRiskStore store,
        IReadOnlyDictionary<string, CustomerHistory> histories, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(asOf, null, Save: false), store, policy, clock,
            null, cancellationToken).ConfigureAwait(false);
        var decisions = new Dictionary<string, Decision>(result.Customers.Count, StringComparer.Ordinal);
        foreach (var a in result.Customers)
        {
            var grade = Enum.Parse<Grade>(a.Grade);
            var order = histories.TryGetValue(a.CustomerId, out var history) ? history.TypicalOrder(asOf) : 0m;
            var check = OrderCheck.Decide(new OrderCheckInputs(grade, a.OpenAr, Math.Max(0m, a.Exposure - a.OpenAr), order,
                a.OldestDaysPastDue, a.RecommendedLimit), policy);
            decisions[a.CustomerId] = new Decision(a.Grade, a.RecommendedLimit, check.Decision);
        }

        return decisions;
    }

    private static BacktestComparison Compare(List<Row> rows, BacktestRequest request)
    {
        var bad = rows.Count(r => r.Bad);
        var moves = rows.Where(r => r.Candidate.Grade != r.Baseline.Grade)
            .GroupBy(r => (r.Baseline.Grade, r.Candidate.Grade))
            .Select(g => new GradeMove(g.Key.Item1, g.Key.Item2, g.Count(), g.Count(r => r.Bad)))
            .OrderByDescending(m => m.Customers).ThenBy(m => m.Baseline, StringComparer.Ordinal).ThenBy(m => m.Candidate, StringComparer.Ordinal)
            .ToArray();
        var candidateLimits = rows.Sum(r => r.Candidate.Limit);
        var baselineLimits = rows.Sum(r => r.Baseline.Limit);
        return new BacktestComparison
        {
            Customers = rows.Count,
            Bad = bad,
            BadRate = Rate(bad, rows.Count),
            Candidate = Outcome(request.Candidate.Version, rows, r => r.Candidate),
            Baseline = Outcome(request.Baseline.Version, rows, r => r.Baseline),
            GradeChanged = rows.Count(r => r.Candidate.Grade != r.Baseline.Grade),
            LimitChanged = rows.Count(r => r.Candidate.Limit != r.Baseline.Limit),
            DecisionChanged = rows.Count(r => r.Candidate.Order != r.Baseline.Order),
            LimitDifference = candidateLimits - baselineLimits,
            GradeMoves = moves,
        };
    }

    private static PolicyOutcome Outcome(string version, List<Row> rows, Func<Row, Decision> pick)
    {
        var grades = s_grades.Select(g =>
        {
            var members = rows.Where(r => pick(r).Grade == g).ToArray();
            var bad = members.Count(r => r.Bad);
            return new GradeBadRate(g, members.Length, bad, Rate(bad, members.Length));
        }).ToArray();
        var ranked = grades.Where(g => g.Grade != "N" && g.BadRate is not null).Select(g => g.BadRate!.Value).ToArray();
        var ranks = true;
        for (var i = 1; i < ranked.Length; i++)
        {
            ranks &= ranked[i] >= ranked[i - 1];
        }

        return new PolicyOutcome
        {
            PolicyVersion = version,
            Grades = grades,
            RanksBadRate = ranks,
            RecommendedLimits = rows.Sum(r => pick(r).Limit),
            Approved = rows.Count(r => pick(r).Order == OrderDecision.Approve),
            Reviewed = rows.Count(r => pick(r).Order == OrderDecision.Review),
            Blocked = rows.Count(r => pick(r).Order == OrderDecision.Block),
            BadBlocked = rows.Count(r => r.Bad && pick(r).Order == OrderDecision.Block),
            BadReviewed = rows.Count(r => r.Bad && pick(r).Order == OrderDecision.Review),
            BadApproved = rows.Count(r => r.Bad && pick(r).Order == OrderDecision.Approve),
            GoodStopped = rows.Count(r => !r.Bad && pick(r).Order != OrderDecision.Approve),
        };
    }

    private static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 6, MidpointRounding.AwayFromZero);

    private sealed record Decision(string Grade, decimal Limit, OrderDecision Order);

    private sealed record Row(Decision Candidate, Decision Baseline, bool Bad);
}
