using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>Expected loss (spec/operations.md): EL = PD × LGD × EAD, EAD = exposure, LGD = the policy's LGD reduced by
/// guarantee and collateral cover: LGD_eff = max(0, LGD × (EAD − cover) / EAD) for EAD &gt; 0.</summary>
/// <remarks>The cover is taken to absorb exposure first: only the uncovered part of the exposure loses LGD of its
/// amount, so a cover of half the exposure halves the loss and a cover of all of it removes it. Covers expired before
/// T and the haircut part of each cover do not count.</remarks>
public static class ExpectedLoss
{
    /// <summary>The expected loss of a customer as of <paramref name="asOf"/>.</summary>
    /// <param name="pd">Probability of default, 0–1.</param>
    /// <param name="ead">Exposure at default, 0 or more.</param>
    /// <param name="covers">The customer's guarantees and collateral.</param>
    /// <param name="asOf">The date covers must be valid on.</param>
    /// <param name="policy">The policy (LGD).</param>
    /// <param name="explain">Whether to write the calculation log (<see cref="ExpectedLossResult.Log"/>); false leaves it
    /// empty, for a run over a whole portfolio that does not show it. The figures are the same either way.</param>
    /// <exception cref="ArgumentOutOfRangeException">PD outside 0–1, a negative EAD or cover value, or a haircut
    /// outside 0–1.</exception>
    public static ExpectedLossResult Compute(decimal pd, decimal ead, IEnumerable<CreditCover> covers, DateOnly asOf, CreditPolicy policy,
        bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(covers);
        ArgumentNullException.ThrowIfNull(policy);
        if (pd < 0m || pd > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(pd), pd, "A probability of default lies in 0–1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ead);
        // log?.Add(...) evaluates its argument only when there is a log: no text is built otherwise.
        var log = explain
            ? new List<CalculationStep> { new("pd", "input", pd), new("ead", "input: exposure", ead), new("lgd", "policy", policy.Lgd) }
            : null;

        var cover = 0m;
        foreach (var c in covers)
        {
            if (c.Value < 0m || c.Haircut < 0m || c.Haircut > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(covers), c, "A cover's value cannot be negative and its haircut lies in 0–1.");
            }

            var name = c.Description ?? "cover";
            if (c.IsValidOn(asOf))
            {
                cover += c.CountedValue;
                log?.Add(new("cover", $"{name}: {F(c.Value)} × (1 − {F(c.Haircut)})", c.CountedValue));
            }
            else
            {
                log?.Add(new("cover_expired", $"{name}: expired {c.Expiry:yyyy-MM-dd}, not counted", 0m));
            }
        }

        var effective = ead > 0m ? Math.Max(0m, policy.Lgd * (ead - cover) / ead) : policy.Lgd;
        log?.Add(new("lgd_effective", ead > 0m ? $"max(0, {F(policy.Lgd)} × ({F(ead)} − {F(cover)}) / {F(ead)})" : "no exposure: policy LGD", effective));
        var loss = pd * effective * ead;
        log?.Add(new("expected_loss", $"{F(pd)} × {F(effective)} × {F(ead)}", loss));
        return new ExpectedLossResult(pd, policy.Lgd, effective, ead, cover, loss, log ?? (IReadOnlyList<CalculationStep>)[]);
    }

    /// <summary>PD × LGD × amount, e.g. the expected loss on the overdue part that orders the collection worklist.</summary>
    public static decimal OnAmount(decimal pd, decimal lgd, decimal amount) => pd * lgd * amount;

    private static string F(decimal value) => Math.Round(value, 6).ToString("G29", CultureInfo.InvariantCulture);
}
