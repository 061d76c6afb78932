namespace CustomerRisk.Policy;

/// <summary>What a grade gives a customer: payment terms, the limit factor and what is required before shipping.</summary>
public sealed record GradeTerms
{
    /// <summary>Payment terms in days from invoice, 0 or more.</summary>
    public required int TermsDays { get; init; }

    /// <summary>Multiplier of the limit formula, 0 or more (ignored for N, which gets the starter limit).</summary>
    public required decimal LimitFactor { get; init; }

    /// <summary>Share of an order to be paid in advance, 0–1.</summary>
    public required decimal PrepaymentShare { get; init; }

    /// <summary>Whether new orders are held.</summary>
    public required bool HoldOrders { get; init; }

    /// <summary>The requirement in words ("30% prepayment", "none").</summary>
    public required string Requirement { get; init; }
}
