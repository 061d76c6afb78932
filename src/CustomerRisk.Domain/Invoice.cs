namespace CustomerRisk.Domain;

/// <summary>A receivable: an invoice issued to a customer (spec/data-formats.md, invoices).</summary>
public sealed record Invoice
{
    /// <summary>Unique key of the invoice.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The customer invoiced.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date the invoice was issued.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The date payment falls due; never before <see cref="IssueDate"/>.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Invoice amount, greater than 0.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 currency code; null means the portfolio currency.</summary>
    public string? Currency { get; init; }
}
