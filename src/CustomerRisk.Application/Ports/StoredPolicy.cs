namespace CustomerRisk.Application.Ports;

/// <summary>A policy file as stored: its text exactly as loaded, with the version decisions are made under.</summary>
public sealed record StoredPolicy
{
    /// <summary>Row id, in load order (0 before it is stored).</summary>
    public long Id { get; init; }

    /// <summary>The exact version (<c>2025.1+3fa2b9c01d2e</c>, see CreditPolicy.Version).</summary>
    public required string Version { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the file's UTF-8 bytes.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The policy text as loaded; empty in lists.</summary>
    public required string Text { get; init; }

    /// <summary>The file name it was loaded from.</summary>
    public required string SourceName { get; init; }

    /// <summary>When it was loaded.</summary>
    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>Who loaded it.</summary>
    public required string LoadedBy { get; init; }

    /// <summary>Whether it is the policy decisions are made under now (exactly one is).</summary>
    public bool Active { get; init; }
}
