using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>A customer's Delphi rounds: per round and criterion the median and IQR of the experts' scores, and whether
/// each round converged (every IQR ≤ 1), from the imported expert_scores.</summary>
public static class DelphiRounds
{
    public static async Task<CustomerDelphiSummary> HandleAsync(string customerId, IReviewStore store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = OperationLookups.Required(customerId, "The customer (--customer)");
        var scores = await store.ReadExpertScoresAsync(id, cancellationToken).ConfigureAwait(false);
        var summaries = DelphiSummary.Summarise(scores);
        return summaries.Count > 0
            ? summaries[0]
            : throw new OperationRefusedException($"Customer '{id}' has no expert scores: import expert_scores.csv first.") { NotFound = true };
    }
}
