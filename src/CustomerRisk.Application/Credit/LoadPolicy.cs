using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>Load a policy file into the store and make it the active one.</summary>
/// <param name="Text">The file's content.</param>
/// <param name="SourceName">The file name, for messages.</param>
/// <param name="LoadedBy">Who loads it.</param>
public sealed record LoadPolicyRequest(string Text, string SourceName, string LoadedBy);

/// <summary>The stored policy and the one it replaced.</summary>
/// <param name="Stored">The policy as stored, now active.</param>
/// <param name="Policy">The parsed policy.</param>
/// <param name="PreviousVersion">The version active before; null when none was.</param>
public sealed record LoadPolicyResult(StoredPolicy Stored, CreditPolicy Policy, string? PreviousVersion);

/// <summary>`crisk policy load FILE`: validates the text with <see cref="PolicyLoader"/> (a bad file is refused with
/// its line-numbered errors and nothing is stored), stores it with its version and content hash, makes it active and
/// appends a <c>policy.load</c> audit record. Decisions made earlier keep the version they were made under.</summary>
public static class LoadPolicy
{
    /// <summary>Loads the policy.</summary>
    /// <exception cref="PolicyLoadException">The text is not a valid policy.</exception>
    public static async Task<LoadPolicyResult> HandleAsync(LoadPolicyRequest request, ICreditStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(request.LoadedBy))
        {
            throw new CreditRequestException("Say who loads the policy (--by NAME).");
        }

        var policy = PolicyLoader.Load(request.Text, request.SourceName);
        var candidate = new StoredPolicy
        {
            Version = policy.Version,
            ContentHash = ActivePolicy.ContentHash(request.Text),
            Text = request.Text,
            SourceName = request.SourceName,
            LoadedAt = clock.GetUtcNow(),
            LoadedBy = request.LoadedBy.Trim(),
        };
        string? previousVersion = null;
        var stored = await store.ActivatePolicyAsync(candidate, (previous, now) =>
        {
            previousVersion = previous?.Version;
            return new AuditEntry
            {
                Actor = now.LoadedBy,
                Action = "policy.load",
                Entity = $"policy:{now.Version}",
                Before = previous is null ? null : CreditJson.Write(new { previous.Version, previous.ContentHash }),
                After = CreditJson.Write(new { now.Version, now.ContentHash, Source = now.SourceName, now.LoadedBy }),
            };
        }, cancellationToken).ConfigureAwait(false);
        return new LoadPolicyResult(stored, policy, previousVersion);
    }
}
