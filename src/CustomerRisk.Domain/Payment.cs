namespace CustomerRisk.Domain;

/// <summary>Cash received from a customer (spec/data-formats.md, payments).</summary>
public sealed record Payment
{
    /// <summary>Unique key of the payment.</summary>
    public required string PaymentId { get; init; }

    /// <summary>The paying customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date the cash was received.</summary>
    public required DateOnly PaymentDate { get; init; }

    /// <summary>Amount received, greater than 0.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The invoice the payment names; null means apply oldest-first.</summary>
    public string? InvoiceId { get; init; }
}
