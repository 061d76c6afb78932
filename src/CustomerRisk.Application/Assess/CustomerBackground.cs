using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Assess;

/// <summary>What `assess` reads about each customer besides its ledger: the grade of its last saved assessment (for
/// "grade lowered") and its Delphi expert scores summarised (spec/rating.md). Read once per run; thread-safe to read.</summary>
internal sealed class CustomerBackground
{
    private readonly IReadOnlyDictionary<string, Grade> _previousGrades;
    private readonly Dictionary<string, CustomerDelphiSummary> _experts;

    public CustomerBackground(IReadOnlyDictionary<string, Grade> previousGrades, IEnumerable<CustomerDelphiSummary> experts)
    {
        _previousGrades = previousGrades;
        _experts = experts.ToDictionary(e => e.CustomerId, StringComparer.Ordinal);
    }

    /// <summary>Reads the grades saved as of the day before the run's date (a run never compares with itself or a
    /// later one) and the expert scores dated on or before it.</summary>
    public static async Task<CustomerBackground> ReadAsync(IRiskStore store, AssessPortfolioRequest request,
        CancellationToken cancellationToken)
    {
        var grades = await store.ReadLatestGradesAsync(request.AsOf.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var scores = await store.ReadExpertScoresAsync(request.AsOf, request.CustomerId, cancellationToken).ConfigureAwait(false);
        return new CustomerBackground(grades, DelphiSummary.Summarise(scores));
    }

    /// <summary>The grade of the customer's last saved assessment, or null.</summary>
    public Grade? PreviousGrade(string customerId) => _previousGrades.TryGetValue(customerId, out var grade) ? grade : null;

    /// <summary>The customer's Delphi rounds and expert score, or null when no expert scored it.</summary>
    public CustomerDelphiSummary? Experts(string customerId) => _experts.GetValueOrDefault(customerId);
}
