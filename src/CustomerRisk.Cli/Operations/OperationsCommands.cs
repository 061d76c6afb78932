using System.CommandLine;

namespace CustomerRisk.Cli.Operations;

/// <summary>The credit operations' commands: alerts, webhooks, reviews, collections, collateral.</summary>
public static class OperationsCommands
{
    public static IEnumerable<Command> Create(TimeProvider clock) =>
    [
        AlertsCommand.Create(clock),
        WebhooksCommand.Create(clock),
        ReviewsCommand.Create(clock),
        CollectionsCommand.Create(clock),
        CollateralCommand.Create(clock),
    ];
}
