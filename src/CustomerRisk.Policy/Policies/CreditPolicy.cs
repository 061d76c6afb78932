using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>A whole credit policy: the rating thresholds, the score scale and expert scorecard, terms and limits per
/// grade, the order check, early-warning rules, the risk matrix, review intervals, dunning levels and LGD
/// (spec/rating.md, spec/operations.md). Loaded from a YAML file by <see cref="PolicyLoader"/>; immutable and safe to
/// share between threads.</summary>
public sealed record CreditPolicy
{
    private static readonly Lazy<CreditPolicy> s_default = new(PolicyLoader.LoadEmbeddedDefault);

    /// <summary>The policy shipped with the product (policies/default.yaml, embedded in this assembly).</summary>
    public static CreditPolicy Default => s_default.Value;

    /// <summary>The exact version a decision is made under: the file's <c>version:</c> plus "+" and
    /// <see cref="Fingerprint"/>, e.g. <c>2025.1+3fa2b9c01d2e</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The <c>version:</c> field as written in the file.</summary>
    public required string DeclaredVersion { get; init; }

    /// <summary>The first 12 hex digits of the SHA-256 of the policy's canonical text (comments, layout and key order
    /// do not change it; any value does).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Where the policy was read from (a file name), for messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>ISO 4217 code of the portfolio currency the money amounts of the policy are in.</summary>
    public required string Currency { get; init; }

    /// <summary>The A/B/C/D rating rules.</summary>
    public required RatingRules Rating { get; init; }

    /// <summary>The credit score scale (points, odds, PDO, clip).</summary>
    public required ScoreScale ScoreScale { get; init; }

    /// <summary>The expert scorecard used before a model is trained.</summary>
    public required ExpertScorecard Scorecard { get; init; }

    /// <summary>Terms, limit factor and requirement for each of the five grades.</summary>
    public required IReadOnlyDictionary<Grade, GradeTerms> Grades { get; init; }

    /// <summary>How a recommended limit is sized.</summary>
    public required LimitRules Limits { get; init; }

    /// <summary>The credit check of an order.</summary>
    public required OrderCheckRules OrderCheck { get; init; }

    /// <summary>The early-warning rules, in file order.</summary>
    public required IReadOnlyList<WarningRule> Warnings { get; init; }

    /// <summary>The risk matrix that gives an alert its severity.</summary>
    public required RiskMatrixRules RiskMatrix { get; init; }

    /// <summary>Months between periodic reviews, per grade.</summary>
    public required IReadOnlyDictionary<Grade, int> ReviewIntervalMonths { get; init; }

    /// <summary>The dunning levels by oldest days past due, in ascending order; they start at 1 day and touch.</summary>
    public required IReadOnlyList<DunningBand> DunningBands { get; init; }

    /// <summary>Loss given default before collateral and guarantees, a fraction 0–1.</summary>
    public required decimal Lgd { get; init; }

    /// <summary>The customer classes and the value–loyalty grid.</summary>
    public required ClassificationRules Classification { get; init; }

    /// <summary>The terms of a grade.</summary>
    public GradeTerms TermsFor(Grade grade) => Grades[grade];
}
