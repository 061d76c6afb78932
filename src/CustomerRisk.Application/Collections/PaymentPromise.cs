namespace CustomerRisk.Application.Collections;

/// <summary>A customer's promise to pay an amount by a date, and whether it was kept.</summary>
public sealed record PaymentPromise
{
    /// <summary>The id given by the store; 0 before it is saved.</summary>
    public long PromiseId { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The day the promise was made.</summary>
    public required DateOnly PromisedOn { get; init; }

    /// <summary>The amount promised, in the portfolio currency, above 0.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The day by which it is to be paid (inclusive).</summary>
    public required DateOnly PayBy { get; init; }

    /// <summary>Who took the promise.</summary>
    public required string RecordedBy { get; init; }

    public string? Note { get; init; }

    public required PromiseStatus Status { get; init; }

    /// <summary>Cash received from the customer from <see cref="PromisedOn"/> through <see cref="PayBy"/>, as of the
    /// evaluation.</summary>
    public decimal PaidAmount { get; init; }

    /// <summary>The as-of date of the evaluation that settled it (kept or broken).</summary>
    public DateOnly? SettledOn { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
