using CustomerRisk.Application.Collateral;
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
    private readonly IReadOnlyDictionary<string, DateOnly> _lastReviews;
    private readonly Dictionary<string, CreditCover[]> _covers;

    public CustomerBackground(IReadOnlyDictionary<string, Grade> previousGrades, IEnumerable<CustomerDelphiSummary> experts,
        IEnumerable<LimitGrant> grants, IReadOnlyDictionary<string, DateOnly> lastReviews, IEnumerable<CollateralItem> covers)
    {
        _previousGrades = previousGrades;
        _experts = experts.ToDictionary(e => e.CustomerId, StringComparer.Ordinal);
        _grants = grants.GroupBy(g => g.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _lastReviews = lastReviews;
        _covers = covers.GroupBy(c => c.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.ToCover()).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Reads the grades saved as of the day before the run's date (a run never compares with itself or a
    /// later one), the expert scores dated on or before it, with a credit store every granted limit, and with an
    /// operations store the last review dates on or before T and the covers (guarantees, collateral) that count on T;
    /// each one read for the whole run.</summary>
    public static async Task<CustomerBackground> ReadAsync(IRiskStore store, ICreditStore? credit, IOperationsStore? operations,
        AssessPortfolioRequest request, CancellationToken cancellationToken)
    {
        var grades = await store.ReadLatestGradesAsync(request.AsOf.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var scores = await store.ReadExpertScoresAsync(request.AsOf, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var grants = credit is null
            ? []
            : await credit.ReadAllLimitGrantsAsync(request.CustomerId, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, DateOnly> reviews = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        IEnumerable<CollateralItem> covers = [];
        if (operations is not null)
        {
            reviews = await operations.ReadLastReviewDatesAsync(request.AsOf, cancellationToken).ConfigureAwait(false);
            // A cover recorded to start after T does not count yet (ExpectedLoss itself drops the expired ones).
            covers = (await operations.ReadCollateralAsync(request.CustomerId, cancellationToken).ConfigureAwait(false))
                .Where(c => c.CountsOn(request.AsOf));
        }

        return new CustomerBackground(grades, DelphiSummary.Summarise(scores), grants, reviews, covers);
    }

    /// <summary>The customer's latest review on or before T, or null when never reviewed (or no operations store).</summary>
    public DateOnly? LastReview(string customerId) => _lastReviews.TryGetValue(customerId, out var date) ? date : null;

    /// <summary>The customer's covers that count on T; empty when none.</summary>
    public IReadOnlyList<CreditCover> Covers(string customerId) => _covers.TryGetValue(customerId, out var covers) ? covers : [];

    /// <summary>The customer's effective limit on the date (spec/operations.md): a temporary or standing grant valid
    /// on it, else the imported credit_limit when above 0, else none.</summary>
    public EffectiveLimit Limit(string customerId, decimal? importedCreditLimit, DateOnly asOf) =>
        EffectiveLimit.On(_grants.TryGetValue(customerId, out var grants) ? grants : [], importedCreditLimit, asOf);

    /// <summary>The grade of the customer's last saved assessment, or null.</summary>
    public Grade? PreviousGrade(string customerId) => _previousGrades.TryGetValue(customerId, out var grade) ? grade : null;

    /// <summary>The customer's Delphi rounds and expert score, or null when no expert scored it.</summary>
    public CustomerDelphiSummary? Experts(string customerId) => _experts.GetValueOrDefault(customerId);
}
