using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Assess;

/// <summary>What `assess` reads about each customer besides its ledger: the grade of its last saved assessment (for
/// "grade lowered"), its Delphi expert scores summarised (spec/rating.md) and the limits granted to it (spec/operations.md).
/// Read once per run; thread-safe to read.</summary>
internal sealed class CustomerBackground
{
    private readonly IReadOnlyDictionary<string, Grade> _previousGrades;
    private readonly Dictionary<string, CustomerDelphiSummary> _experts;
    private readonly Dictionary<string, LimitGrant[]> _grants;

    public CustomerBackground(IReadOnlyDictionary<string, Grade> previousGrades, IEnumerable<CustomerDelphiSummary> experts,
        IEnumerable<LimitGrant> grants)
    {
        _previousGrades = previousGrades;
        _experts = experts.ToDictionary(e => e.CustomerId, StringComparer.Ordinal);
        _grants = grants.GroupBy(g => g.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Reads the grades saved as of the day before the run's date (a run never compares with itself or a
    /// later one), the expert scores dated on or before it and, with a credit store, every granted limit (one read).</summary>
    public static async Task<CustomerBackground> ReadAsync(IRiskStore store, ICreditStore? credit, AssessPortfolioRequest request,
        CancellationToken cancellationToken)
    {
        var grades = await store.ReadLatestGradesAsync(request.AsOf.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var scores = await store.ReadExpertScoresAsync(request.AsOf, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var grants = credit is null
            ? []
            : await credit.ReadAllLimitGrantsAsync(request.CustomerId, cancellationToken).ConfigureAwait(false);
        return new CustomerBackground(grades, DelphiSummary.Summarise(scores), grants);
    }

    /// <summary>The customer's effective limit on the date (spec/operations.md): a temporary or standing grant valid
    /// on it, else the imported credit_limit when above 0, else none.</summary>
    public EffectiveLimit Limit(string customerId, decimal? importedCreditLimit, DateOnly asOf) =>
        EffectiveLimit.On(_grants.TryGetValue(customerId, out var grants) ? grants : [], importedCreditLimit, asOf);

    /// <summary>The grade of the customer's last saved assessment, or null.</summary>
    public Grade? PreviousGrade(string customerId) => _previousGrades.TryGetValue(customerId, out var grade) ? grade : null;

    /// <summary>The customer's Delphi rounds and expert score, or null when no expert scored it.</summary>
    public CustomerDelphiSummary? Experts(string customerId) => _experts.GetValueOrDefault(customerId);
}
