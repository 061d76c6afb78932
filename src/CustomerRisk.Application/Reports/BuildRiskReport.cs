using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reports;

/// <summary>Build a risk report: of one customer, or of the portfolio when <see cref="CustomerId"/> is null.</summary>
/// <param name="AsOf">Every figure is computed as of this date.</param>
/// <param name="CustomerId">The customer; null for the portfolio report.</param>
public sealed record RiskReportRequest(DateOnly AsOf, string? CustomerId = null);

/// <summary>The report asked for: exactly one of the two is set. <see cref="Portfolio"/> holds the portfolio report
/// also when a customer was asked for (it is computed anyway).</summary>
/// <param name="Customer">The customer's report, when one was asked for.</param>
/// <param name="Portfolio">The portfolio's report.</param>
public sealed record RiskReportResult(CustomerRiskReport? Customer, PortfolioRiskReport Portfolio);

/// <summary>The report use case: assesses the whole portfolio as of the date without saving (a report is a view and
/// changes nothing; the figures of one customer need the portfolio for revenue and exposure shares), reads every
/// customer's master data and claims for the value–loyalty grid, and builds the report models. Rendering is the
/// caller's: <see cref="MarkdownReportWriter"/>, <see cref="HtmlReportWriter"/> or the dashboard.</summary>
public static class BuildRiskReport
{
    public static async Task<RiskReportResult> HandleAsync(RiskReportRequest request, IRiskStore store, CreditPolicy policy,
        TimeProvider clock, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        if (request.CustomerId is { } id)
        {
            var found = false;
            await foreach (var _ in store.ReadLedgersAsync(request.AsOf, id, cancellationToken).ConfigureAwait(false))
            {
                found = true;
            }

            if (!found)
            {
                throw new KeyNotFoundException($"No customer '{id}' in the store.");
            }
        }

        var basis = await PrepareAsync(request.AsOf, store, policy, clock, progress, cancellationToken).ConfigureAwait(false);
        CustomerRiskReport? customer = null;
        if (request.CustomerId is { } customerId)
        {
            customer = CustomerOf(basis, customerId, policy) ?? throw new KeyNotFoundException($"No customer '{customerId}' in the store.");
        }

        var portfolio = basis.Portfolio;
        return new RiskReportResult(customer, portfolio);
    }

    /// <summary>The whole-portfolio part of every report as of a date: the assessment (saving nothing), the customer
    /// profiles, the value–loyalty classes and the portfolio report. Every customer's report is then built from it
    /// without assessing again (<see cref="CustomerOf"/>), so a server can keep it for later requests.</summary>
    public static async Task<RiskReportBasis> PrepareAsync(DateOnly asOf, IRiskStore store, CreditPolicy policy, TimeProvider clock,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var assessed = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(asOf, null, Save: false), store,
            policy, clock, progress, cancellationToken).ConfigureAwait(false);
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        await foreach (var ledger in store.ReadLedgersAsync(asOf, null, cancellationToken).ConfigureAwait(false))
        {
            profiles[ledger.Customer.CustomerId] = CustomerProfile.FromLedger(ledger, asOf);
        }

        var classes = ValueLoyaltyGrid.Classify(assessed.Customers, profiles, policy);
        var index = new Dictionary<string, int>(assessed.Customers.Count, StringComparer.Ordinal);
        for (var i = 0; i < assessed.Customers.Count; i++)
        {
            index.TryAdd(assessed.Customers[i].CustomerId, i);
        }

        return new RiskReportBasis(asOf, assessed, profiles, classes, index, RiskReportBuilder.BuildPortfolio(assessed, classes, policy));
    }

    /// <summary>One customer's report from a prepared basis; null when the customer was not assessed as of its date.</summary>
    public static CustomerRiskReport? CustomerOf(RiskReportBasis basis, string customerId, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(policy);
        return basis.Index.TryGetValue(customerId, out var i)
            ? RiskReportBuilder.BuildCustomer(basis.Assessed.Customers[i], basis.Profiles.GetValueOrDefault(customerId), basis.Classes[i],
                basis.Assessed.Portfolio, policy)
            : null;
    }
}
