using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>Summarises Delphi rounds of expert scores (seed 004: 德尔菲法): per customer, round and criterion the
/// median and interquartile range; a round converges when every criterion's IQR ≤ 1.</summary>
/// <remarks>Quartiles use linear interpolation between order statistics, the method of R's type 7 and Excel's
/// QUARTILE.INC: for n sorted scores x₀…xₙ₋₁ and probability p, h = (n − 1)·p and
/// Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). One expert gives IQR 0. When an expert scored the same criterion twice in a
/// round, the later score (by date, then by input order) counts.</remarks>
public static class DelphiSummary
{
    /// <summary>The IQR at or below which a criterion has converged.</summary>
    public const decimal ConvergedIqr = 1m;

    /// <summary>Summarises the scores of any number of customers, one summary per customer in ordinal order of id.</summary>
    /// <exception cref="ArgumentException">A score is outside 1–5 or a round is below 1.</exception>
    public static IReadOnlyList<CustomerDelphiSummary> Summarise(IEnumerable<ExpertScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        // Each customer's scores in input order; customers are independent, so a large portfolio (`assess` reads
        // 177,000 scores of the 100k demo) is summarised on every core.
        var byCustomer = new Dictionary<string, List<ExpertScore>>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (score.Score is < 1 or > 5)
            {
                throw new ArgumentException($"Expert score {score.Score} of customer {score.CustomerId} is outside 1–5.", nameof(scores));
            }

            if (score.Round < 1)
            {
                throw new ArgumentException($"Delphi round {score.Round} of customer {score.CustomerId} is below 1.", nameof(scores));
            }

            if (!byCustomer.TryGetValue(score.CustomerId, out var list))
            {
                byCustomer.Add(score.CustomerId, list = []);
            }

            list.Add(score);
        }

        var customers = byCustomer.Keys.ToArray();
        Array.Sort(customers, StringComparer.Ordinal);
        var summaries = new CustomerDelphiSummary[customers.Length];
        if (customers.Length < 256)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                summaries[i] = SummariseCustomer(customers[i], Latest(byCustomer[customers[i]]));
            }
        }
        else
        {
            Parallel.For(0, customers.Length, i => summaries[i] = SummariseCustomer(customers[i], Latest(byCustomer[customers[i]])));
        }

        return summaries;
    }

    /// <summary>One customer's scores that count: of an expert's scores of one criterion in one round, the latest by
    /// date, then by input order.</summary>
    private static List<ExpertScore> Latest(List<ExpertScore> scores)
    {
        var latest = new Dictionary<(int Round, ExpertCriterion Criterion, string Expert), ExpertScore>();
        foreach (var score in scores)
        {
            var key = (score.Round, score.Criterion, score.ExpertId);
            if (!latest.TryGetValue(key, out var seen) || score.Date >= seen.Date)
            {
                latest[key] = score;
            }
        }

        return latest.Count == scores.Count ? scores : [.. latest.Values];
    }

    /// <summary>The p-quantile (0–1) of sorted values by linear interpolation (R type 7).</summary>
    public static decimal Quantile(ReadOnlySpan<decimal> sorted, decimal p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }

        if (p < 0m || p > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability lies in 0–1.");
        }

        var h = (sorted.Length - 1) * p;
        var low = (int)decimal.Floor(h);
        var fraction = h - low;
        return low + 1 < sorted.Length ? sorted[low] + (fraction * (sorted[low + 1] - sorted[low])) : sorted[low];
    }

    private static CustomerDelphiSummary SummariseCustomer(string customerId, List<ExpertScore> customer)
    {
        var rounds = customer
            .GroupBy(s => s.Round)
            .OrderBy(g => g.Key)
            .Select(round =>
            {
                var criteria = round
                    .GroupBy(s => s.Criterion)
                    .OrderBy(g => g.Key)
                    .Select(c => Summarise(c.Key, c.Select(s => (decimal)s.Score)))
                    .ToArray();
                return new DelphiRound(round.Key, criteria, criteria.All(c => c.Iqr <= ConvergedIqr));
            })
            .ToArray();

        var lastRound = rounds[^1].Round;
        var inLastRound = customer.Where(s => s.Round == lastRound).ToArray();
        var overall = inLastRound.Where(s => s.Criterion == ExpertCriterion.Overall).Select(s => (decimal)s.Score).ToArray();
        var fromOverall = overall.Length > 0;
        var pool = fromOverall ? overall : inLastRound.Select(s => (decimal)s.Score).ToArray();
        Array.Sort(pool);
        return new CustomerDelphiSummary(customerId, rounds, Quantile(pool, 0.5m), fromOverall);
    }

    private static CriterionSummary Summarise(ExpertCriterion criterion, IEnumerable<decimal> scores)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        return new CriterionSummary(criterion, sorted.Length, Quantile(sorted, 0.5m), Quantile(sorted, 0.25m), Quantile(sorted, 0.75m));
    }
}
