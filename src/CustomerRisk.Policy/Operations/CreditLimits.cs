using System.Globalization;
using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The recommended limit (spec/operations.md): factor × (sales_12m / 12) × (terms / 30 + 0.5), capped at a
/// share of the customer's annual revenue when known, rounded down to the policy step; N gets the starter limit and
/// D gets 0.</summary>
public static class CreditLimits
{
    /// <summary>Recommends a limit and terms for a customer.</summary>
    /// <param name="inputs">The customer's grade, sales and revenue.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="explain">Whether to write the calculation log (<see cref="LimitRecommendation.Log"/>); false leaves it
    /// empty, for a run over a whole portfolio that does not show it (a dozen lines of text per customer). The
    /// figures are the same either way.</param>
    /// <exception cref="ArgumentOutOfRangeException">sales_12m or annual revenue is negative.</exception>
    public static LimitRecommendation Recommend(LimitInputs inputs, CreditPolicy policy, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        if (inputs.Sales12m < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.Sales12m, "sales_12m cannot be negative.");
        }

        if (inputs.AnnualRevenue < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.AnnualRevenue, "Annual revenue cannot be negative.");
        }

        var terms = policy.TermsFor(inputs.Grade);
        var rules = policy.Limits;
        // log?.Add(...) evaluates its argument only when there is a log: no text is built otherwise.
        var log = explain ? new List<CalculationStep> { new("grade", inputs.Grade.ToCode(), null) } : null;

        decimal limit;
        if (inputs.Grade == Grade.N)
        {
            limit = rules.StarterLimit;
            log?.Add(new("limit", "grade N (not enough history): the policy's starter limit", limit));
        }
        else if (inputs.Grade == Grade.D || terms.LimitFactor == 0m)
        {
            limit = 0m;
            log?.Add(new("limit", $"grade {inputs.Grade.ToCode()} has limit factor 0: no credit", limit));
        }
        else
        {
            var sales = inputs.Sales12m ?? 0m;
            log?.Add(new("sales_12m", inputs.Sales12m is null ? "input unknown, taken as 0" : "input", sales));
            log?.Add(new("limit_factor", $"policy, grade {inputs.Grade.ToCode()}", terms.LimitFactor));
            log?.Add(new("terms_days", $"policy, grade {inputs.Grade.ToCode()}", terms.TermsDays));
            var monthly = sales / 12m;
            log?.Add(new("monthly_sales", $"{N(sales)} / 12", monthly));
            var termsFactor = (terms.TermsDays / 30m) + 0.5m;
            log?.Add(new("terms_multiplier", $"{terms.TermsDays} / 30 + 0.5", termsFactor));

            // Multiply before dividing by 12 so that whole sales figures stay exact.
            var raw = terms.LimitFactor * sales * termsFactor / 12m;
            log?.Add(new("formula_limit", $"{N(terms.LimitFactor)} × {N(monthly)} × {N(termsFactor)}", raw));
            var capped = raw;
            if (inputs.AnnualRevenue is { } revenue)
            {
                var cap = revenue * rules.RevenueCapShare;
                log?.Add(new("annual_revenue", "input", revenue));
                log?.Add(new("revenue_cap", $"{N(rules.RevenueCapShare)} × {N(revenue)}", cap));
                capped = Math.Min(raw, cap);
                log?.Add(new("capped_limit", raw > cap ? "the revenue cap applies" : "below the revenue cap", capped));
            }
            else
            {
                log?.Add(new("capped_limit", "annual revenue unknown: no cap", capped));
            }

            limit = decimal.Floor(capped / rules.RoundingStep) * rules.RoundingStep;
            log?.Add(new("limit", $"rounded down to a multiple of {N(rules.RoundingStep)}", limit));
        }

        return new LimitRecommendation(inputs.Grade, limit, terms.TermsDays, terms.Requirement, terms.PrepaymentShare, terms.HoldOrders,
            log ?? (IReadOnlyList<CalculationStep>)[], policy.Version);
    }

    private static string N(decimal value) => Math.Round(value, 4).ToString("#,0.####", CultureInfo.InvariantCulture);
}
