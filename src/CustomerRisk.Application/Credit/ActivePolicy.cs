using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>The policy decisions are made under: the active one in the store. When none was ever loaded, the
/// built-in default is recorded as loaded (by <see cref="BuiltInLoader"/>) on first use, so that every stored
/// decision's policy version can be looked up with <c>crisk policy show --version</c>.</summary>
public static class ActivePolicy
{
    /// <summary>The loaded_by of the built-in default when it is recorded on first use.</summary>
    public const string BuiltInLoader = "crisk (built-in default)";

    // Parsing YAML takes milliseconds; a check must not pay it. Keyed by content hash, so a policy is parsed once
    // per process whatever its row.
    private static readonly ConcurrentDictionary<string, CreditPolicy> s_parsed = new(StringComparer.Ordinal);

    /// <summary>The active policy, parsed, and its stored row (whose <see cref="StoredPolicy.Text"/> may be empty when
    /// the policy was parsed before in this process).</summary>
    public static async Task<(CreditPolicy Policy, StoredPolicy Stored)> ResolveAsync(ICreditStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var stored = await store.ReadActivePolicyAsync(withText: false, cancellationToken).ConfigureAwait(false);
        if (stored is not null && s_parsed.TryGetValue(stored.ContentHash, out var parsed))
        {
            return (parsed, stored);
        }

        if (stored is not null)
        {
            stored = await store.ReadActivePolicyAsync(withText: true, cancellationToken).ConfigureAwait(false);
        }

        if (stored is null)
        {
            var text = PolicyLoader.DefaultPolicyText();
            var result = await LoadPolicy.HandleAsync(new LoadPolicyRequest(text, "default.yaml", BuiltInLoader), store, clock, cancellationToken)
                .ConfigureAwait(false);
            stored = result.Stored;
        }

        return (Parse(stored), stored);
    }

    /// <summary>Parses a stored policy (once per content hash in this process).</summary>
    /// <exception cref="PolicyLoadException">The stored text is no longer a valid policy (edited in the database).</exception>
    public static CreditPolicy Parse(StoredPolicy stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return s_parsed.GetOrAdd(stored.ContentHash, _ => PolicyLoader.Load(stored.Text, stored.SourceName));
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, lower-case hex.</summary>
    public static string ContentHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
