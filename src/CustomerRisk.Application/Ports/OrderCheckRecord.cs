namespace CustomerRisk.Application.Ports;

/// <summary>A recorded credit check of an order: the decision, its reasons, the figures it was made on and the
/// policy version it was made under.</summary>
public sealed record OrderCheckRecord
{
    /// <summary>Row id, in check order (0 before it is stored).</summary>
    public long CheckId { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The order id given, or one made up for the check (<c>check-…</c>).</summary>
    public required string OrderId { get; init; }

    /// <summary>The order amount.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The date the check was made as of.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>When it was made.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Who asked.</summary>
    public required string Actor { get; init; }

    /// <summary><c>approve</c>, <c>review</c> or <c>block</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Every rule that fired, or the approving one.</summary>
    public required IReadOnlyList<CheckReason> Reasons { get; init; }

    /// <summary>The customer's grade the check used.</summary>
    public required string Grade { get; init; }

    /// <summary>open_ar as of the date.</summary>
    public required decimal OpenAr { get; init; }

    /// <summary>Open orders before this one: imported open sales orders plus orders approved by earlier checks.</summary>
    public required decimal OpenOrders { get; init; }

    /// <summary>open_ar + open orders + this order.</summary>
    public required decimal Exposure { get; init; }

    /// <summary>The effective limit; null when none.</summary>
    public decimal? Limit { get; init; }

    /// <summary>Where the limit came from: <c>temporary</c>, <c>granted</c>, <c>imported</c> or <c>none</c>.</summary>
    public required string LimitSource { get; init; }

    /// <summary>Days past due of the oldest open invoice.</summary>
    public required int OldestDpd { get; init; }

    /// <summary>The policy version the decision was made under.</summary>
    public required string PolicyVersion { get; init; }
}
