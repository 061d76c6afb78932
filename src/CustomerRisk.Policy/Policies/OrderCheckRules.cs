using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The thresholds of the credit check of an order (spec/operations.md).</summary>
public sealed record OrderCheckRules
{
    /// <summary>Grades whose orders are blocked (default D).</summary>
    public required IReadOnlySet<Grade> BlockGrades { get; init; }

    /// <summary>An open invoice more than this many days past due blocks (default 60).</summary>
    public required int BlockDaysPastDueAbove { get; init; }

    /// <summary>Exposure above limit × (1 + this) blocks; above the limit up to it, review (default 0.10).</summary>
    public required decimal OverLimitTolerance { get; init; }

    /// <summary>Grades whose orders go to review (default C).</summary>
    public required IReadOnlySet<Grade> ReviewGrades { get; init; }

    /// <summary>Whether an order of a customer without a granted limit goes to review (default true).</summary>
    public required bool ReviewWithoutLimit { get; init; }
}
