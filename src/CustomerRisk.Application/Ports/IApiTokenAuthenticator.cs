using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Ports;

/// <summary>The look-up behind every bearer-token request: one indexed read of the token's SHA-256, no slow hash
/// (a token has 256 random bits; PBKDF2 is for passwords only). One instance serves every request of a process;
/// nothing is cached, so a revoked or expired token is refused at once on every instance.</summary>
public interface IApiTokenAuthenticator : IAsyncDisposable
{
    /// <summary>The user owning the token whose SHA-256 is <paramref name="tokenHash"/>, when the token is neither
    /// revoked nor expired at <paramref name="now"/>; else null.</summary>
    ValueTask<UserAccount?> AuthenticateAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);
}
