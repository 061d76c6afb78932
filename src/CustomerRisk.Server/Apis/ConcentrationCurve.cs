namespace CustomerRisk.Server.Apis;

/// <summary>The concentration (Lorenz) curve of exposure: customers sorted by exposure, largest first; each point says
/// what share of the total exposure the first share of customers holds. A flat book is the diagonal; a concentrated
/// one rises steeply.</summary>
public static class ConcentrationCurve
{
    /// <summary>A point: fraction of customers (0–1) and the fraction of exposure they hold (0–1).</summary>
    public sealed record Point(decimal CustomerShare, decimal ExposureShare);

    /// <summary>The curve at (0,0) and at every 1% of customers (every customer when there are fewer than 100).
    /// Negative exposures (credits) count as zero. Empty when the total exposure is zero.</summary>
    public static IReadOnlyList<Point> Of(IEnumerable<decimal> exposures)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var sorted = exposures.Select(e => Math.Max(0m, e)).OrderDescending().ToArray();
        var total = sorted.Sum();
        if (sorted.Length == 0 || total <= 0m)
        {
            return [];
        }

        var steps = Math.Min(100, sorted.Length);
        var points = new List<Point>(steps + 1) { new(0m, 0m) };
        var cumulative = 0m;
        var taken = 0;
        for (var step = 1; step <= steps; step++)
        {
            var upTo = (int)Math.Ceiling((decimal)sorted.Length * step / steps);
            for (; taken < upTo; taken++)
            {
                cumulative += sorted[taken];
            }

            points.Add(new Point(Math.Round((decimal)taken / sorted.Length, 4), Math.Round(cumulative / total, 4)));
        }

        return points;
    }
}
