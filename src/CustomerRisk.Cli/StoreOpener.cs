using System.CommandLine;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage;

namespace CustomerRisk.Cli;

/// <summary>Opens the store named by --db (or $CRISK_DB, or customer-risk.db), migrated.</summary>
public static class StoreOpener
{
    public static Task<IRiskStore> OpenAsync(ParseResult parseResult, TimeProvider clock, CancellationToken cancellationToken) =>
        RiskStoreFactory.OpenMigratedAsync(GlobalOptions.DatabaseOf(parseResult), clock, cancellationToken);
}
