using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Tests.Users;

/// <summary>Adding users, issuing tokens and signing in, on an in-memory user store.</summary>
public sealed class UserUseCaseTests
{
    private const string Password = "correct horse battery";
    private static readonly TimeProvider Clock = new FixedTime(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddUser_StoresAHashNotThePassword_AndSignInFindsTheUser()
    {
        var store = new MemoryUsers();

        var user = await AddUser.HandleAsync(new AddUserRequest("sam", "sales", "anna.berg", Password), store, Clock, default);

        Assert.Equal(UserRole.Sales, user.Role);
        Assert.Equal("anna.berg", user.SalesOwner);
        Assert.DoesNotContain(Password, store.Users["sam"].PasswordHash, StringComparison.Ordinal);
        Assert.Equal("sam", (await SignIn.HandleAsync("sam", Password, store, default))?.UserName);
        Assert.Null(await SignIn.HandleAsync("sam", "wrong password!", store, default));
        Assert.Null(await SignIn.HandleAsync("nobody", Password, store, default));
        Assert.Null(await SignIn.HandleAsync("sam", null, store, default));
    }

    [Theory]
    [InlineData("sam", "sales", null, "needs --owner")]
    [InlineData("ada", "admin", "anna.berg", "Only a sales user has an owner")]
    [InlineData("ada", "root", null, "Unknown role")]
    [InlineData("ada", "Admin", null, "Unknown role")]
    [InlineData("a b", "admin", null, "user name")]
    [InlineData("", "admin", null, "user name")]
    [InlineData("x'; DROP TABLE users;--", "admin", null, "user name")]
    public async Task AddUser_RefusesABadRequest_AndStoresNothing(string name, string role, string? owner, string reason)
    {
        var store = new MemoryUsers();

        var error = await Assert.ThrowsAsync<UserRequestException>(() =>
            AddUser.HandleAsync(new AddUserRequest(name, role, owner, Password), store, Clock, default));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Users);
    }

    [Fact]
    public async Task AddUser_RefusesAShortPasswordAndATakenName()
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ada", "admin", null, Password), store, Clock, default);

        await Assert.ThrowsAsync<UserRequestException>(() => AddUser.HandleAsync(new AddUserRequest("bob", "analyst", null, "short"), store, Clock, default));
        var taken = await Assert.ThrowsAsync<UserRequestException>(() => AddUser.HandleAsync(new AddUserRequest("ada", "analyst", null, Password), store, Clock, default));

        Assert.Contains("exists already", taken.Message, StringComparison.Ordinal);
        Assert.Equal(UserRole.Admin, store.Users["ada"].Role);
    }

    [Fact]
    public async Task IssueApiToken_StoresOnlyTheHash_WhichFindsTheUser()
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);

        var token = (await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", "erp"), store, Clock, default)).Token;

        var stored = Assert.Single(store.Tokens);
        Assert.Equal(ApiTokens.HashOf(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal("erp", stored.Label);
        Assert.Equal("ana", (await store.FindByTokenAsync(ApiTokens.HashOf(token), Clock.GetUtcNow()))?.UserName);
    }

    [Theory]
    [InlineData(90, "2027-02-28T09:00:00Z")]
    [InlineData(1, "2026-12-01T09:00:00Z")]
    [InlineData(3650, "2036-11-27T09:00:00Z")]
    [InlineData(0, null)]
    public async Task IssueApiToken_ExpiresAfterTheDaysAsked_OrNeverForZero(int days, string? expected)
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);

        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", ExpiresInDays: days), store, Clock, default);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), issued.Record.ExpiresAt);
        Assert.Equal(ApiTokens.HashOf(issued.Token)[..12], issued.Record.TokenId);
    }

    [Fact]
    public async Task IssueApiToken_ByDefault_ExpiresIn90Days()
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);

        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana"), store, Clock, default);

        Assert.Equal(Clock.GetUtcNow().AddDays(90), issued.Record.ExpiresAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public async Task IssueApiToken_WithAnExpiryOutOfRange_IsRefused_AndStoresNothing(int days)
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);

        var error = await Assert.ThrowsAsync<UserRequestException>(() =>
            IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", ExpiresInDays: days), store, Clock, default));

        Assert.Contains("0 for never", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Tokens);
    }

    [Fact]
    public void ApiToken_IsValid_UntilTheInstantItExpires_AndNeverOnceRevoked()
    {
        var expires = Clock.GetUtcNow();
        var token = new ApiTokenRecord { TokenHash = new string('a', 64), UserName = "ana", CreatedAt = expires.AddDays(-1), ExpiresAt = expires };

        Assert.True(token.IsValidAt(expires.AddTicks(-1)));
        Assert.False(token.IsValidAt(expires));
        Assert.True((token with { ExpiresAt = null }).IsValidAt(expires.AddYears(50)));
        Assert.False((token with { ExpiresAt = null, RevokedAt = expires.AddDays(-2) }).IsValidAt(expires.AddDays(-3)));
    }

    [Fact]
    public async Task RevokeApiToken_RefusesTheToken_AndAgainChangesNothing()
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);
        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana"), store, Clock, default);
        var later = new FixedTime(Clock.GetUtcNow().AddHours(1));

        var revoked = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(issued.Record.TokenId.ToUpperInvariant()), store, Clock, default);
        var again = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(issued.Record.TokenId, "ana"), store, later, default);

        Assert.Equal(Clock.GetUtcNow(), revoked?.RevokedAt);
        Assert.Equal(Clock.GetUtcNow(), again?.RevokedAt);
        Assert.Null(await store.FindByTokenAsync(issued.Record.TokenHash, Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzz")]
    [InlineData("0123456789abc")]
    public async Task RevokeApiToken_WithAMalformedId_IsRefused(string id)
    {
        await Assert.ThrowsAsync<UserRequestException>(() => RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(id), new MemoryUsers(), Clock, default));
    }

    [Fact]
    public async Task RevokeApiToken_OfAnotherUser_OrUnknown_IsNull_AndRevokesNothing()
    {
        var store = new MemoryUsers();
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), store, Clock, default);
        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana"), store, Clock, default);

        Assert.Null(await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(issued.Record.TokenId, "bob"), store, Clock, default));
        Assert.Null(await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest("0123456789ab"), store, Clock, default));
        Assert.Null(Assert.Single(store.Tokens).RevokedAt);
    }

    [Fact]
    public async Task IssueApiToken_ForAnUnknownUser_IsRefused()
    {
        var error = await Assert.ThrowsAsync<UserRequestException>(() =>
            IssueApiToken.HandleAsync(new IssueApiTokenRequest("ghost"), new MemoryUsers(), Clock, default));

        Assert.Contains("No user named 'ghost'", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
