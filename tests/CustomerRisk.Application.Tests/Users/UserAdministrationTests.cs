using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Tests.Users;

/// <summary>Changing and resetting passwords, changing roles, disabling and enabling users, worked by hand on an
/// in-memory store: what changes, what is refused, what is audited, and that no audit record holds a secret.</summary>
public sealed class UserAdministrationTests
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "a new long password";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeProvider Clock = new Fixed(Now);

    private static async Task<MemoryUsers> StoreWithAsync(params (string Name, string Role, string? Owner)[] users)
    {
        var store = new MemoryUsers();
        foreach (var (name, role, owner) in users)
        {
            await AddUser.HandleAsync(new AddUserRequest(name, role, owner, Password), store, Clock, default);
        }

        store.Audit.Clear();
        return store;
    }

    [Fact]
    public async Task ChangePassword_WithTheRightCurrentOne_SignsInWithTheNewOnly_RaisesTheSessionVersion_AndIsAudited()
    {
        var store = await StoreWithAsync(("ana", "analyst", null));

        var user = await ChangePassword.HandleAsync(new ChangePasswordRequest("ana", Password, NewPassword), store, store, Clock, default);

        Assert.Equal(1, user.SessionVersion);
        Assert.Null(await SignIn.HandleAsync("ana", Password, store, default));
        Assert.Equal("ana", (await SignIn.HandleAsync("ana", NewPassword, store, default))?.UserName);
        var record = Assert.Single(store.Audit);
        Assert.Equal(("ana", "user.password_change", "user:ana"), (record.Actor, record.Action, record.Entity));
        Assert.Equal("{\"user_name\":\"ana\",\"password_changed_at\":\"2026-11-30T09:00:00.0000000Z\"}", record.After);
        AssertNoSecret(store, user.PasswordHash);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentOne_IsRefused_RecordsTheAttempt_AndChangesNothing()
    {
        var store = await StoreWithAsync(("ana", "analyst", null));
        var before = store.Users["ana"];

        var error = await Assert.ThrowsAsync<UserRequestException>(() =>
            ChangePassword.HandleAsync(new ChangePasswordRequest("ana", "not my password", NewPassword, "10.0.0.7"), store, store, Clock, default));

        Assert.Equal(UserRequestFailure.WrongPassword, error.Failure);
        Assert.Equal(before, store.Users["ana"]);
        var record = Assert.Single(store.Audit);
        Assert.Equal("user.password_change_failed", record.Action);
        Assert.Equal("{\"result\":\"wrong_current_password\",\"client\":\"10.0.0.7\"}", record.After);
        AssertNoSecret(store, before.PasswordHash, "not my password");
    }

    [Theory]
    [InlineData("eleven char", false)]
    [InlineData("twelve chars", true)]
    [InlineData("            ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task ChangePassword_KeepsTheRulesOfUsersAdd_AtAndBesideTwelveCharacters(string? newPassword, bool accepted)
    {
        var store = await StoreWithAsync(("ana", "analyst", null));

        var change = () => ChangePassword.HandleAsync(new ChangePasswordRequest("ana", Password, newPassword), store, store, Clock, default);

        if (accepted)
        {
            await change();
            Assert.NotNull(await SignIn.HandleAsync("ana", newPassword, store, default));
        }
        else
        {
            var error = await Assert.ThrowsAsync<UserRequestException>(change);
            Assert.Equal(UserRequestFailure.Invalid, error.Failure);
            Assert.Empty(store.Audit);
            Assert.NotNull(await SignIn.HandleAsync("ana", Password, store, default));
        }
    }

    [Fact]
    public async Task ResetPassword_NeedsNoCurrentPassword_NamesTheAdmin_AndLeavesADisabledUserDisabled()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("ana", "analyst", null));
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false, "ada"), store, Clock, default);

        var user = await ResetPassword.HandleAsync(new ResetPasswordRequest("ana", NewPassword, "ada"), store, Clock, default);

        Assert.Equal(Now, user.DisabledAt);
        Assert.Equal(2, user.SessionVersion);
        Assert.Null(await SignIn.HandleAsync("ana", NewPassword, store, default));
        Assert.Equal(["user.disable", "user.password_reset"], store.Audit.Select(a => a.Action));
        Assert.Equal("ada", store.Audit[1].Actor);
        AssertNoSecret(store, user.PasswordHash);
    }

    [Fact]
    public async Task ResetPassword_OfAnUnknownUser_IsNoSuchUser()
    {
        var store = await StoreWithAsync(("ada", "admin", null));

        var error = await Assert.ThrowsAsync<UserRequestException>(() =>
            ResetPassword.HandleAsync(new ResetPasswordRequest("ghost", NewPassword), store, Clock, default));

        Assert.Equal(UserRequestFailure.NoSuchUser, error.Failure);
        Assert.Empty(store.Audit);
    }

    [Fact]
    public async Task ChangeRole_ToSales_TakesTheOwner_AndRecordsBeforeAndAfter()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("ana", "analyst", null));

        var user = await ChangeRole.HandleAsync(new ChangeRoleRequest("ana", "sales", " anna.berg ", "ada"), store, default);

        Assert.Equal((UserRole.Sales, "anna.berg", 1), (user.Role, user.SalesOwner, user.SessionVersion));
        var record = Assert.Single(store.Audit);
        Assert.Equal(("ada", "user.role_change", "user:ana"), (record.Actor, record.Action, record.Entity));
        Assert.Equal("{\"user_name\":\"ana\",\"role\":\"analyst\",\"sales_owner\":null}", record.Before);
        Assert.Equal("{\"user_name\":\"ana\",\"role\":\"sales\",\"sales_owner\":\"anna.berg\"}", record.After);
    }

    [Fact]
    public async Task ChangeRole_ToTheRoleAlreadyHeld_ChangesNothing_AndAppendsNothing()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("sam", "sales", "anna.berg"));

        var user = await ChangeRole.HandleAsync(new ChangeRoleRequest("sam", "sales", "anna.berg"), store, default);

        Assert.Equal(0, user.SessionVersion);
        Assert.Empty(store.Audit);
    }

    [Theory]
    [InlineData("sales", null, "needs --owner")]
    [InlineData("analyst", "anna.berg", "Only a sales user has an owner")]
    [InlineData("root", null, "Unknown role")]
    [InlineData(null, null, "Unknown role")]
    public async Task ChangeRole_WithABadRoleOrOwner_IsRefused_AndChangesNothing(string? role, string? owner, string reason)
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("ana", "analyst", null));

        var error = await Assert.ThrowsAsync<UserRequestException>(() => ChangeRole.HandleAsync(new ChangeRoleRequest("ana", role, owner), store, default));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(UserRequestFailure.Invalid, error.Failure);
        Assert.Equal(UserRole.Analyst, store.Users["ana"].Role);
        Assert.Empty(store.Audit);
    }

    [Fact]
    public async Task TheLastActiveAdmin_CanBeNeitherDemotedNorDisabled_ButCanBeWhenAnotherAdminIsActive()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("bob", "admin", null), ("ana", "analyst", null));
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("bob", Enabled: false), store, Clock, default);

        // bob is disabled, so ada is the last active admin.
        var demote = await Assert.ThrowsAsync<UserRequestException>(() => ChangeRole.HandleAsync(new ChangeRoleRequest("ada", "analyst"), store, default));
        var disable = await Assert.ThrowsAsync<UserRequestException>(() =>
            SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ada", Enabled: false), store, Clock, default));
        Assert.Equal(UserRequestFailure.LastAdmin, demote.Failure);
        Assert.Equal(UserRequestFailure.LastAdmin, disable.Failure);
        Assert.Contains("last active admin", demote.Message, StringComparison.Ordinal);
        Assert.True(store.Users["ada"] is { Role: UserRole.Admin, IsActive: true, SessionVersion: 0 });
        Assert.Equal(["user.disable"], store.Audit.Select(a => a.Action));

        // Changing the last admin's password is not removing an admin.
        await ResetPassword.HandleAsync(new ResetPasswordRequest("ada", NewPassword), store, Clock, default);
        // Once bob is active again, either may go.
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("bob", Enabled: true), store, Clock, default);
        var demoted = await ChangeRole.HandleAsync(new ChangeRoleRequest("ada", "credit_manager"), store, default);
        Assert.Equal(UserRole.CreditManager, demoted.Role);
        await Assert.ThrowsAsync<UserRequestException>(() => SetUserEnabled.HandleAsync(new SetUserEnabledRequest("bob", Enabled: false), store, Clock, default));
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_NorUseATokenEvenWithTheRightPassword_UntilEnabledAgain()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("ana", "analyst", null));
        var token = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana"), store, Clock, default);

        var disabled = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false, "ada"), store, Clock, default);
        var signInWhileDisabled = await SignIn.HandleAsync("ana", Password, store, default);
        var tokenWhileDisabled = await store.FindByTokenAsync(token.Record.TokenHash, Now);
        var enabled = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: true, "ada"), store, Clock, default);

        Assert.Equal(Now, disabled.DisabledAt);
        Assert.Null(signInWhileDisabled);
        Assert.Null(tokenWhileDisabled);
        Assert.True(enabled.IsActive);
        Assert.Equal(2, enabled.SessionVersion);
        Assert.NotNull(await SignIn.HandleAsync("ana", Password, store, default));
        Assert.NotNull(await store.FindByTokenAsync(token.Record.TokenHash, Now));
        var records = store.Audit.Where(a => a.Action.StartsWith("user.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["user.disable", "user.enable"], records.Select(a => a.Action));
        Assert.Equal("{\"user_name\":\"ana\",\"disabled_at\":null}", records[0].Before);
        Assert.Equal("{\"user_name\":\"ana\",\"disabled_at\":\"2026-11-30T09:00:00.0000000Z\"}", records[0].After);
    }

    [Fact]
    public async Task DisablingADisabledUser_ChangesNothing_AndAppendsNothing()
    {
        var store = await StoreWithAsync(("ada", "admin", null), ("ana", "analyst", null));
        await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false), store, Clock, default);

        var again = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest("ana", Enabled: false), store, new Fixed(Now.AddDays(1)), default);

        Assert.Equal(Now, again.DisabledAt);
        Assert.Single(store.Audit);
    }

    private static void AssertNoSecret(MemoryUsers store, params string[] secrets)
    {
        foreach (var record in store.Audit)
        {
            foreach (var secret in secrets.Append(Password).Append(NewPassword))
            {
                Assert.DoesNotContain(secret, record.Before ?? "", StringComparison.Ordinal);
                Assert.DoesNotContain(secret, record.After ?? "", StringComparison.Ordinal);
            }
        }
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
