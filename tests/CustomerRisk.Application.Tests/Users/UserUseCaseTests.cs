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

        var token = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", "erp"), store, Clock, default);

        var stored = Assert.Single(store.Tokens);
        Assert.Equal(ApiTokens.HashOf(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal("erp", stored.Label);
        Assert.Equal("ana", (await store.FindByTokenAsync(ApiTokens.HashOf(token)))?.UserName);
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

    private sealed class MemoryUsers : IUserStore
    {
        public Dictionary<string, UserAccount> Users { get; } = new(StringComparer.Ordinal);

        public List<ApiTokenRecord> Tokens { get; } = [];

        public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
            Task.FromResult(Users.GetValueOrDefault(userName));

        public Task<UserAccount?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
            Task.FromResult(Tokens.Where(t => t.TokenHash == tokenHash).Select(t => Users.GetValueOrDefault(t.UserName)).FirstOrDefault());

        public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<UserAccount>>([.. Users.Values]);

        public Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken = default) => Task.FromResult(Users.TryAdd(user.UserName, user));

        public Task AddTokenAsync(ApiTokenRecord token, CancellationToken cancellationToken = default)
        {
            Tokens.Add(token);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
