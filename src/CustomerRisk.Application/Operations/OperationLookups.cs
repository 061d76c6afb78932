using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Operations;

/// <summary>Reads the operations use cases share: a known customer, a saved assessment's details.</summary>
internal static class OperationLookups
{
    public static async Task<Customer> CustomerAsync(IOperationsStore store, string? customerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            throw new OperationRefusedException("The customer (--customer) is required.");
        }

        var found = await store.ReadCustomersAsync(customerId.Trim(), cancellationToken).ConfigureAwait(false);
        return found.Count > 0
            ? found[0]
            : throw new OperationRefusedException($"There is no customer '{customerId.Trim()}' in the store.") { NotFound = true };
    }

    public static string Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new OperationRefusedException($"{what} is required.") : text.Trim();

    /// <summary>The assessment object saved with a record (the JSON of `crisk assess --format json`).</summary>
    public static CustomerAssessment Details(AssessmentRecord record) =>
        JsonSerializer.Deserialize<CustomerAssessment>(record.Details, AssessPortfolio.Json)
        ?? throw new InvalidOperationException($"The saved assessment of {record.CustomerId} as of {record.AsOf:yyyy-MM-dd} is empty.");
}
