namespace CustomerRisk.Policy;

/// <summary>Dunning levels (seed 001: 催收): from the oldest days past due, 0 none; by default 1–15 L1 reminder,
/// 16–30 L2 call, 31–60 L3 formal notice and order hold, over 60 L4 legal or agency.</summary>
public static class Dunning
{
    /// <summary>The level for the oldest days past due (0 or more).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Days past due is negative.</exception>
    public static DunningStep LevelFor(int oldestDpd, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(oldestDpd);
        if (oldestDpd == 0)
        {
            return new DunningStep(DunningLevel.None, "none", 0);
        }

        foreach (var band in policy.DunningBands)
        {
            if (oldestDpd >= band.FromDays && (band.ToDays is null || oldestDpd <= band.ToDays))
            {
                return new DunningStep(band.Level, band.Action, oldestDpd);
            }
        }

        // The loader guarantees the bands start at 1 and the last is open, so every positive dpd has a band.
        throw new InvalidOperationException($"The policy has no dunning level for {oldestDpd} days past due.");
    }
}
