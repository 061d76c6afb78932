using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Ports;

/// <summary>Users and their API tokens. One instance per command or request.</summary>
public interface IUserStore : IAsyncDisposable
{
    /// <summary>The user of that exact name, or null.</summary>
    Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>The user owning the token whose SHA-256 is <paramref name="tokenHash"/>, when the token is neither
    /// revoked nor expired at <paramref name="now"/> and the user is not disabled; else null.</summary>
    Task<UserAccount?> FindByTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user, and appends <paramref name="audit"/> (when given) to the audit trail in the same
    /// transaction; false when the name is taken (nothing changed, nothing appended).</summary>
    Task<bool> AddAsync(UserAccount user, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a token of an existing user, and appends <paramref name="audit"/> (when given) to the audit trail
    /// in the same transaction.</summary>
    Task AddTokenAsync(ApiTokenRecord token, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>The user's tokens (hashes only), oldest first.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Every token whose id (<see cref="ApiTokens.IdOf"/>) is <paramref name="tokenId"/>, of any user.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> FindTokensByIdAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>Marks the token revoked at <paramref name="at"/> unless it is revoked already (the first revocation
    /// stands), and appends <paramref name="audit"/> (when given) in the same transaction only when this call revoked
    /// it; false when there is no such token.</summary>
    Task<bool> RevokeTokenAsync(string tokenHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>Changes one user in one transaction: reads the stored user (on PostgreSQL locked with every active admin,
    /// so two changes at once cannot both remove "the other" admin), asks <paramref name="change"/> what to write (null:
    /// nothing), refuses when the user was an active admin, would no longer be one, and no other active admin exists,
    /// then writes the user with its <see cref="UserAccount.SessionVersion"/> one higher and appends the change's audit
    /// record. A change is never kept without its record, nor the record without it.</summary>
    /// <param name="userName">The user to change.</param>
    /// <param name="change">Given the stored user, the change to write, or null when there is nothing to change. It may
    /// throw <see cref="UserRequestException"/>; nothing is written then.</param>
    /// <param name="cancellationToken">Stops the change (nothing is written).</param>
    Task<UserChangeOutcome> ChangeAsync(string userName, Func<UserAccount, UserChange?> change, CancellationToken cancellationToken = default);
}
