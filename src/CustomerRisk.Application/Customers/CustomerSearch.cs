namespace CustomerRisk.Application.Customers;

/// <summary>A search of the customer list, over each customer's latest saved assessment.</summary>
public sealed record CustomerSearch
{
    /// <summary>Part of the customer id or name (case-insensitive for ASCII letters); null for all.</summary>
    public string? Text { get; init; }

    /// <summary>A grade letter A, B, C, D or N; null for all.</summary>
    public string? Grade { get; init; }

    /// <summary>Exact region; null for all.</summary>
    public string? Region { get; init; }

    /// <summary>Exact sales_owner; null for all. A sales user's own name is forced here by the server.</summary>
    public string? SalesOwner { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page, 1–500.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The order of the list.</summary>
    public CustomerSort Sort { get; init; } = CustomerSort.ExpectedLoss;
}
