using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The A/B/C/D rating of spec/rating.md (seed 004's rigid indicators): three components, a veto, a mean.</summary>
public static class RatingEngine
{
    /// <summary>Rates a customer.</summary>
    /// <remarks>Rates are rounded to 4 decimal places (half away from zero) before comparison, so 0.99995 counts as
    /// 100%. Any D component gives D and <c>Vetoed</c>; otherwise the mean m of the present components (A=3, B=2,
    /// C=1) gives A when m ≥ 8/3, B when m ≥ 2, else C, compared exactly. No invoice due in W gives N whatever the
    /// focus. With <see cref="ExpertEffectMode.OneStep"/> the expert score then moves A..C one step within A..C;
    /// it never lifts or imposes a veto and never moves N.</remarks>
    public static RatingResult Rate(RatingInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        if (inputs.InvoicesDueInWindow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.InvoicesDueInWindow, "The number of invoices due in the window cannot be negative.");
        }

        if (inputs.MaxDaysLate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.MaxDaysLate, "Max days late cannot be negative.");
        }

        var rules = policy.Rating;
        var focus = inputs.Focus is { } f ? rules.FocusGrades[f] : (Grade?)null;
        if (inputs.InvoicesDueInWindow == 0)
        {
            return new RatingResult(Grade.N, null, null, focus, false, null);
        }

        var collection = CollectionGrade(inputs.NetCollectionRate, rules);
        var timeliness = TimelinessGrade(inputs.MaxDaysLate, rules);
        if (collection is null && timeliness is null)
        {
            // Invoices fell due but the caller has neither figure: not enough history to rate.
            return new RatingResult(Grade.N, null, null, focus, false, null);
        }

        if (collection == Grade.D || timeliness == Grade.D || focus == Grade.D)
        {
            return new RatingResult(Grade.D, collection, timeliness, focus, true, null);
        }

        var sum = 0;
        var count = 0;
        Add(collection, ref sum, ref count);
        Add(timeliness, ref sum, ref count);
        Add(focus, ref sum, ref count);

        var grade = rules.AMeanAtLeast.IsMetBy(sum, count) ? Grade.A
            : rules.BMeanAtLeast.IsMetBy(sum, count) ? Grade.B
            : Grade.C;
        var result = new RatingResult(grade, collection, timeliness, focus, false, (decimal)sum / count);
        return ApplyExpert(result, inputs.ExpertScore, rules.ExpertEffect);
    }

    /// <summary>The collection component of a net collection rate, or null for none.</summary>
    public static Grade? CollectionGrade(decimal? netCollectionRate, RatingRules rules)
    {
        if (netCollectionRate is not { } rate)
        {
            return null;
        }

        var r = Math.Round(rate, 4, MidpointRounding.AwayFromZero);
        return r >= rules.CollectionAAtLeast ? Grade.A
            : r >= rules.CollectionBAtLeast ? Grade.B
            : r >= rules.CollectionCAtLeast ? Grade.C
            : Grade.D;
    }

    /// <summary>The timeliness component of max days late, or null for none.</summary>
    public static Grade? TimelinessGrade(int? maxDaysLate, RatingRules rules) => maxDaysLate switch
    {
        null => null,
        { } d when d <= rules.TimelinessAAtMostDays => Grade.A,
        { } d when d <= rules.TimelinessBAtMostDays => Grade.B,
        { } d when d <= rules.TimelinessCAtMostDays => Grade.C,
        _ => Grade.D,
    };

    private static void Add(Grade? component, ref int sum, ref int count)
    {
        if (component is { } grade)
        {
            sum += Points(grade);
            count++;
        }
    }

    /// <summary>A component's points: A=3, B=2, C=1.</summary>
    private static int Points(Grade grade) => grade switch
    {
        Grade.A => 3,
        Grade.B => 2,
        Grade.C => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Only A, B and C carry points."),
    };

    private static RatingResult ApplyExpert(RatingResult result, decimal? expertScore, ExpertEffect effect)
    {
        if (effect.Mode != ExpertEffectMode.OneStep || expertScore is not { } score)
        {
            return result;
        }

        var moved = score >= effect.StepUpAtOrAbove && result.Grade is Grade.B or Grade.C ? result.Grade - 1
            : score <= effect.StepDownAtOrBelow && result.Grade is Grade.A or Grade.B ? result.Grade + 1
            : result.Grade;
        return moved == result.Grade
            ? result
            : result with { Grade = moved, GradeBeforeExpert = result.Grade, ExpertStep = moved < result.Grade ? 1 : -1 };
    }
}
