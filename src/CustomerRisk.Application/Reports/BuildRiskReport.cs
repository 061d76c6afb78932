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

        var assessed = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(request.AsOf, null, Save: false), store,
            policy, clock, progress, cancellationToken).ConfigureAwait(false);
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        await foreach (var ledger in store.ReadLedgersAsync(request.AsOf, null, cancellationToken).ConfigureAwait(false))
        {
            profiles[ledger.Customer.CustomerId] = CustomerProfile.FromLedger(ledger, request.AsOf);
        }

        var classes = ValueLoyaltyGrid.Classify(assessed.Customers, profiles, policy);
        var portfolio = RiskReportBuilder.BuildPortfolio(assessed, classes, policy);
        CustomerRiskReport? customer = null;
        if (request.CustomerId is { } customerId)
        {
            var index = -1;
            for (var i = 0; i < assessed.Customers.Count; i++)
            {
                if (assessed.Customers[i].CustomerId == customerId)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                throw new KeyNotFoundException($"No customer '{customerId}' in the store.");
            }

            customer = RiskReportBuilder.BuildCustomer(assessed.Customers[index], profiles.GetValueOrDefault(customerId),
                classes[index], assessed.Portfolio, policy);
        }

        return new RiskReportResult(customer, portfolio);
    }
}
