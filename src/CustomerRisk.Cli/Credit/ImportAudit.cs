using System.CommandLine;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>Appends the audit record of a committed import (called at the end of `crisk import`).</summary>
public static class ImportAudit
{
    public static async Task AppendAsync(ParseResult parseResult, TimeProvider clock, ImportLedgerResult result,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var credit = CreditStoreFactory.Open(GlobalOptions.DatabaseOf(parseResult), clock);
        await credit.AppendAsync(new AuditEntry
        {
            Actor = CreditCommands.CurrentUser,
            Action = "import",
            Entity = "ledger",
            After = CreditJson.Write(new
            {
                result.Accepted,
                result.Rejected,
                Files = result.Files.Select(f => new
                {
                    File = Path.GetFileName(f.Path),
                    f.Accepted.Inserted,
                    f.Accepted.Updated,
                    f.Accepted.Unchanged,
                    f.Rejected,
                }),
            }),
        }, cancellationToken);
    }
}
