using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Ports;

/// <summary>Users and their API tokens. One instance per command or request.</summary>
public interface IUserStore : IAsyncDisposable
{
    /// <summary>The user of that exact name, or null.</summary>
    Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>The user owning the token whose SHA-256 is <paramref name="tokenHash"/>, or null.</summary>
    Task<UserAccount?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user; false when the name is taken (nothing changed).</summary>
    Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken = default);

    /// <summary>Stores a token of an existing user.</summary>
    Task AddTokenAsync(ApiTokenRecord token, CancellationToken cancellationToken = default);
}
