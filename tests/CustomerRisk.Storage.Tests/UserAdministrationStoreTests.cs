using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Storage.Tests;

/// <summary>User administration (migration 20261130000150) on both providers: a change and its audit record in one
/// transaction, the session version raised by each change, a disabled user's tokens refused by both look-ups, and the
/// last active admin kept even when two admins are removed at once.</summary>
public sealed class UserAdministrationStoreTests
{
    private const string Password = "correct horse battery";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migration_LeavesExistingUsersEnabled_AtSessionVersionZero(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        await users.AddAsync(new UserAccount { UserName = "ana", PasswordHash = "x", Role = UserRole.Analyst, CreatedAt = Now });

        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261130000150_UserAdministration'"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM users WHERE disabled_at IS NULL AND session_version = 0"));
        Assert.True((await users.FindAsync("ana"))! is { IsActive: true, SessionVersion: 0 });
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EveryChange_IsStoredWithItsRecord_RaisesTheSessionVersion_AndTheChainVerifies(string provider)
    {
        var clock = new FixedClock(Now);
        await using var test = await TestStore.CreateAsync(provider, clock);
        await using var users = ServerStores.OpenUsers(test.Db, clock);
        await using var trail = CreditStoreFactory.Open(test.Db, clock);
        await AddUser.HandleAsync(new AddUserRequest("ada", "admin", null, Password), users, clock, default);
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), users, clock, default);

        await ChangePassword.HandleAsync(new ChangePasswordRequest("ana", Password, "ana's new password"), users, trail, clock, default);
        await ResetPassword.HandleAsync(new ResetPasswordRequest("ana", "set by the admin", "ada"), users, clock, default);
        await ChangeRole.HandleAsync(new ChangeRoleRequest("ana", "sales", "anna.berg", "ada"), users, default);
        await ChangeRole.HandleAsync(new ChangeRoleRequest("ana", "sales", "anna.berg", "ada"), users, default);
        var disabled = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false, "ada"), users, clock, default);
        await using (var other = ServerStores.OpenUsers(test.Db, clock))
        {
            var stored = await other.FindAsync("ana");
            Assert.Equal(disabled, stored);
            Assert.True(stored is { Role: UserRole.Sales, SalesOwner: "anna.berg", SessionVersion: 4 });
            Assert.Equal(Now, stored.DisabledAt);
            Assert.Null(await SignIn.HandleAsync("ana", "set by the admin", other, default));
        }

        var enabled = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: true, "ada"), users, clock, default);

        Assert.Equal(5, enabled.SessionVersion);
        Assert.NotNull(await SignIn.HandleAsync("ana", "set by the admin", users, default));
        var records = (await trail.ListAuditAsync(null, 100)).Reverse().Skip(2).ToArray();
        Assert.Equal(["user.password_change", "user.password_reset", "user.role_change", "user.disable", "user.enable"], records.Select(r => r.Action));
        Assert.Equal(["ana", "ada", "ada", "ada", "ada"], records.Select(r => r.Actor));
        Assert.All(records, r => Assert.Equal("user:ana", r.Entity));
        var hash = (await users.FindAsync("ana"))!.PasswordHash;
        foreach (var text in records.Select(r => $"{r.Before}{r.After}"))
        {
            foreach (var secret in new[] { Password, "ana's new password", "set by the admin", hash, "pbkdf2" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        var verification = await VerifyAuditTrail.HandleAsync(trail, default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(7, verification.Records);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ADisabledUsersTokens_AreRefusedByBothLookUps_AndWorkAgainOnceEnabled(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        await using var bearer = ServerStores.OpenTokenAuthenticator(test.Db);
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), users, TimeProvider.System, default);
        var token = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", ExpiresInDays: 0), users, TimeProvider.System, default);
        var hash = token.Record.TokenHash;

        var before = (await users.FindByTokenAsync(hash, Now), await bearer.AuthenticateAsync(hash, Now));
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false), users, new FixedClock(Now), default);
        var whileDisabled = (await users.FindByTokenAsync(hash, Now), await bearer.AuthenticateAsync(hash, Now));
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: true), users, new FixedClock(Now), default);
        var after = (await users.FindByTokenAsync(hash, Now), await bearer.AuthenticateAsync(hash, Now));

        Assert.Equal(before.Item1, before.Item2);
        Assert.Equal(0, before.Item1?.SessionVersion);
        Assert.Equal((null, null), whileDisabled);
        Assert.Equal(after.Item1, after.Item2);
        Assert.Equal(2, after.Item2?.SessionVersion);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TheLastActiveAdmin_IsKept_AndAnUnknownUserIsNotFound(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        foreach (var (name, role) in new[] { ("ada", "admin"), ("bob", "admin"), ("ana", "analyst") })
        {
            await AddUser.HandleAsync(new AddUserRequest(name, role, null, Password), users, TimeProvider.System, default);
        }

        await ChangeRole.HandleAsync(new ChangeRoleRequest("bob", "credit_manager"), users, default);
        var demote = await Assert.ThrowsAsync<UserRequestException>(() => ChangeRole.HandleAsync(new ChangeRoleRequest("ada", "analyst"), users, default));
        var disable = await Assert.ThrowsAsync<UserRequestException>(() =>
            SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ada", Enabled: false), users, TimeProvider.System, default));
        var unknown = await Assert.ThrowsAsync<UserRequestException>(() => ChangeRole.HandleAsync(new ChangeRoleRequest("ghost", "analyst"), users, default));

        Assert.Equal([UserRequestFailure.LastAdmin, UserRequestFailure.LastAdmin, UserRequestFailure.NoSuchUser],
            new[] { demote.Failure, disable.Failure, unknown.Failure });
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'user:ada' AND action <> 'user.add'"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TwoAdminsRemovingEachOtherAtOnce_LeaveOneActiveAdmin(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var setup = ServerStores.OpenUsers(test.Db))
        {
            await AddUser.HandleAsync(new AddUserRequest("ada", "admin", null, Password), setup, TimeProvider.System, default);
            await AddUser.HandleAsync(new AddUserRequest("bob", "admin", null, Password), setup, TimeProvider.System, default);
        }

        // Each on its own store (its own connection), as two instances of the server would be.
        await using var first = ServerStores.OpenUsers(test.Db);
        await using var second = ServerStores.OpenUsers(test.Db);
        var outcomes = await Task.WhenAll(
            Outcome(() => ChangeRole.HandleAsync(new ChangeRoleRequest("ada", "analyst", Actor: "bob"), first, default)),
            Outcome(() => SetUserEnabled.HandleAsync(new SetUserEnabledRequest("bob", Enabled: false, "ada"), second, TimeProvider.System, default)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == UserRequestFailure.LastAdmin);
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL"));
    }

    private static async Task<UserRequestFailure?> Outcome(Func<Task<UserAccount>> change)
    {
        await Task.Yield();
        try
        {
            await change();
            return null;
        }
        catch (UserRequestException e)
        {
            return e.Failure;
        }
    }
}
