using CustomerRisk.Application.Users;

namespace CustomerRisk.Storage.Tests;

/// <summary>API token expiry and revocation (migration 20261130000070) on both providers, through the user store and
/// through the server's fast bearer look-up, which must agree.</summary>
public sealed class TokenStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migration_AddsExpiryAndRevocation_WithOldTokensNeverExpiring(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261130000070_TokenExpiry'"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM api_tokens WHERE expires_at IS NOT NULL OR revoked_at IS NOT NULL"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Tokens_AreAcceptedUntilTheyExpire_AndNeverOnceRevoked(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        await using var bearer = ServerStores.OpenTokenAuthenticator(test.Db);
        await users.AddAsync(new UserAccount { UserName = "ana", PasswordHash = "x", Role = UserRole.Analyst, CreatedAt = Now });
        var expiring = Token('a', expires: Now.AddDays(1));
        var forever = Token('b', expires: null);
        var expired = Token('c', expires: Now.AddSeconds(-1));
        foreach (var token in new[] { expiring, forever, expired })
        {
            await users.AddTokenAsync(token);
        }

        var revoked = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(forever.TokenId, "ana"), users, new FixedTime(Now), default);

        foreach (var (token, at, accepted) in new[]
                 {
                     (expiring, Now, true), (expiring, Now.AddDays(1).AddTicks(-10), true), (expiring, Now.AddDays(1), false),
                     (forever, Now, false), (expired, Now, false), (expired, Now.AddDays(-1), true),
                 })
        {
            var viaStore = await users.FindByTokenAsync(token.TokenHash, at);
            var viaBearer = await bearer.AuthenticateAsync(token.TokenHash, at);
            Assert.True(accepted == viaStore is not null, $"store: token {token.TokenId} at {at:O}");
            Assert.True(accepted == viaBearer is not null, $"bearer: token {token.TokenId} at {at:O}");
            Assert.Equal(viaStore, viaBearer);
        }

        Assert.Equal(Now, revoked?.RevokedAt);
        var listed = await users.ListTokensAsync("ana");
        Assert.Equal([expiring.TokenId, forever.TokenId, expired.TokenId], listed.Select(t => t.TokenId));
        Assert.Equal([null, Now, null], listed.Select(t => t.RevokedAt));
        Assert.Equal([Now.AddDays(1), null, Now.AddSeconds(-1)], listed.Select(t => t.ExpiresAt));
        Assert.Null(await bearer.AuthenticateAsync(new string('f', 64), Now));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RevokingTwice_KeepsTheFirstInstant_AndAnUnknownIdRevokesNothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        await users.AddAsync(new UserAccount { UserName = "ana", PasswordHash = "x", Role = UserRole.Analyst, CreatedAt = Now });
        var token = Token('d', expires: null);
        await users.AddTokenAsync(token);

        await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(token.TokenId), users, new FixedTime(Now), default);
        await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(token.TokenId), users, new FixedTime(Now.AddHours(3)), default);
        var unknown = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest("0123456789ab"), users, new FixedTime(Now), default);

        Assert.Null(unknown);
        Assert.Equal(Now, Assert.Single(await users.ListTokensAsync("ana")).RevokedAt);
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM api_tokens WHERE revoked_at IS NOT NULL"));
    }

    private static ApiTokenRecord Token(char hex, DateTimeOffset? expires) =>
        new() { TokenHash = new string(hex, 64), UserName = "ana", Label = "t-" + hex, CreatedAt = Now.AddMinutes(hex - 'a'), ExpiresAt = expires };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
