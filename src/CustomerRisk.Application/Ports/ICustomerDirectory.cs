using CustomerRisk.Application.Customers;

namespace CustomerRisk.Application.Ports;

/// <summary>Reads customers and their saved assessments for the server and dashboard. One instance per request.
/// "Latest" is each customer's saved assessment with the latest as-of date (the most recently saved among equals).</summary>
public interface ICustomerDirectory : IAsyncDisposable
{
    /// <summary>One page of customers matching the search, with their latest saved assessment.</summary>
    Task<CustomerPage> SearchAsync(CustomerSearch search, CancellationToken cancellationToken = default);

    /// <summary>The customer's master data, or null.</summary>
    Task<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer's saved assessments, newest as-of date first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AssessmentRecord>> HistoryAsync(string customerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The most recent assessment run (latest as-of date, then latest created), or null when none.</summary>
    Task<AssessmentRun?> LatestRunAsync(CancellationToken cancellationToken = default);

    /// <summary>The regions and sales owners present, sorted; restricted to one owner's customers when given.</summary>
    Task<FilterValues> FilterValuesAsync(string? salesOwner, CancellationToken cancellationToken = default);

    /// <summary>A text that changes whenever an import or an assessment run is committed: what a cache of figures
    /// computed from the ledger and the saved assessments is keyed by.</summary>
    Task<string> DataVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the database answers a query.</summary>
    Task<bool> CanConnectAsync(CancellationToken cancellationToken = default);
}
