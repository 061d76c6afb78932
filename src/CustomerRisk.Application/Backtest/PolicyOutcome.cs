namespace CustomerRisk.Application.Backtest;

/// <summary>What one policy decided over the customers of a date (or all dates), judged against what happened.</summary>
public sealed record PolicyOutcome
{
    /// <summary>The policy's version.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>Customers and bad rate per grade, A, B, C, D, N.</summary>
    public required IReadOnlyList<GradeBadRate> Grades { get; init; }

    /// <summary>True when the bad rate does not fall from A to B to C to D (grades without customers left out): the
    /// grades rank the risk as a good policy's should.</summary>
    public required bool RanksBadRate { get; init; }

    /// <summary>The recommended limits summed, money.</summary>
    public required decimal RecommendedLimits { get; init; }

    /// <summary>Typical orders the credit check would approve.</summary>
    public required int Approved { get; init; }

    /// <summary>Typical orders it would hold for review.</summary>
    public required int Reviewed { get; init; }

    /// <summary>Typical orders it would block.</summary>
    public required int Blocked { get; init; }

    /// <summary>Bad customers whose order it would block.</summary>
    public required int BadBlocked { get; init; }

    /// <summary>Bad customers whose order it would hold for review.</summary>
    public required int BadReviewed { get; init; }

    /// <summary>Bad customers whose order it would approve (the misses).</summary>
    public required int BadApproved { get; init; }

    /// <summary>Customers who did not go bad but whose order it would block or review (the cost in lost or delayed
    /// sales).</summary>
    public required int GoodStopped { get; init; }
}
