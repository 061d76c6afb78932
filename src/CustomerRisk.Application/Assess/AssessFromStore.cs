using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Models;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Assess;

/// <summary>Everything an assessment reads besides the ledger, gathered by <see cref="AssessFromStore.GatherAsync"/>:
/// the policy and its version, the active registered model, and the stores whose granted limits (credit), review
/// dates and covers (operations) the run reads once; the expert scores and Delphi rounds come from the ledger store.</summary>
public sealed record AssessInputs
{
    /// <summary>The policy the run decides under: the file given, else the active stored policy.</summary>
    public required CreditPolicy Policy { get; init; }

    /// <summary>Where the policy came from: <c>file</c> or <c>stored</c>.</summary>
    public required string PolicySource { get; init; }

    /// <summary>The active registered model, or null to score with the expert scorecard.</summary>
    public ICreditScoreModel? ScoreModel { get; init; }

    /// <summary>The credit store: granted limits (and the audit head that versions them).</summary>
    public required ICreditStore Credit { get; init; }

    /// <summary>The operations store: last review dates, covers, and the alert register a saving run synchronises.</summary>
    public required IOperationsStore Operations { get; init; }
}

/// <summary>The one way the product assesses from its store — `crisk assess`, `crisk portfolio`, <c>POST /api/assess</c>
/// and <c>GET /api/portfolio</c> all call it — so the command line and the server can never compute differently.</summary>
public static class AssessFromStore
{
    /// <summary>The audited decisions that change what an assessment computes: a limit grant, a review, a cover, a
    /// policy load. A cache of assessed figures keys on the newest of them (<see cref="Ports.IAuditTrail.ReadNewestSeqAsync"/>)
    /// with the data's version, the date, the policy and the model.</summary>
    public static IReadOnlyList<string> DecisionActions { get; } = ["limit.grant", "review.record", "collateral.add", "policy.load"];

    /// <summary>Gathers the inputs of a run: the policy file when one is given (<paramref name="policyFile"/>), else the
    /// active stored policy (<see cref="ActivePolicy.ResolveAsync"/>, which records the built-in default on first use);
    /// the active registered model, if any.</summary>
    public static async Task<AssessInputs> GatherAsync(ICreditStore credit, IOperationsStore operations, IModelRegistry models,
        CreditPolicy? policyFile, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(clock);
        var policy = policyFile ?? (await ActivePolicy.ResolveAsync(credit, clock, cancellationToken).ConfigureAwait(false)).Policy;
        var model = await ModelRegistryUseCases.LoadActiveAsync(models, cancellationToken).ConfigureAwait(false);
        return new AssessInputs
        {
            Policy = policy,
            PolicySource = policyFile is null ? "stored" : "file",
            ScoreModel = model,
            Credit = credit,
            Operations = operations,
        };
    }

    /// <summary>Assesses with the gathered inputs (<see cref="AssessPortfolio.HandleAsync"/>); a saving run brings the
    /// alert register in step with its firings in the transaction that saves it (<see cref="RunAlertSync"/>). The run
    /// records the policy version.
    /// <c>phaseDone</c>, when given, is told the name of each phase as it ends (the CLI's CRISK_PHASE_LOG).</summary>
    /// <exception cref="KeyNotFoundException">The one customer asked for is not in the store.</exception>
    public static async Task<AssessPortfolioResult> HandleAsync(AssessPortfolioRequest request, IRiskStore store, AssessInputs inputs,
        TimeProvider clock, IProgress<int>? progress, CancellationToken cancellationToken, Action<string>? phaseDone = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputs);
        // spec/cli.md: assess saves the assessment and its alerts, in one transaction; a re-run of the same date
        // changes nothing.
        var alerts = request.Save
            ? await SyncAlerts.PrepareAsync(request.AsOf, request.CustomerId, inputs.Operations, inputs.Policy, clock,
                cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        var result = await AssessPortfolio.HandleAsync(request, store, inputs.Policy, clock, progress, cancellationToken,
            inputs.ScoreModel, inputs.Credit, inputs.Operations, phaseDone, alerts).ConfigureAwait(false);
        phaseDone?.Invoke(request.Save ? "second pass: complete, save assessments and alerts" : "second pass: complete");
        return result;
    }
}
