using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Storage.Tests;

/// <summary>A user added, a token issued or revoked, and sign-ins, in the hash-chained audit trail on both providers:
/// each change and its record are written in one transaction (a failed append keeps neither), a repeated revocation
/// appends nothing, and no record holds a password, a password hash or a token.</summary>
public sealed class UserAuditStoreTests
{
    private const string Password = "correct horse battery";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task UserAndTokenChanges_AreAudited_WithTheActor_AndTheChainVerifies(string provider)
    {
        var clock = new FixedClock(Now);
        await using var test = await TestStore.CreateAsync(provider, clock);
        await using var users = ServerStores.OpenUsers(test.Db, clock);
        await using var trail = CreditStoreFactory.Open(test.Db, clock);

        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password, Actor: "ada"), users, clock, default);
        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest("ana", "erp", 30, Actor: "ada"), users, clock, default);
        var revoked = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(issued.Record.TokenId, "ana", Actor: "ada"), users, clock, default);
        var again = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(issued.Record.TokenId, "ana", Actor: "carl"), users, clock, default);
        await AddUser.HandleAsync(new AddUserRequest("cole", "collector", null, Password), users, clock, default);

        var records = (await trail.ListAuditAsync(null, 100)).Reverse().ToArray();
        Assert.Equal(["user.add", "token.issue", "token.revoke", "user.add"], records.Select(r => r.Action));
        Assert.Equal(["ada", "ada", "ada", UserAudit.CommandLine], records.Select(r => r.Actor));
        Assert.Equal(["user:ana", $"api_token:{issued.Record.TokenId}", $"api_token:{issued.Record.TokenId}", "user:cole"],
            records.Select(r => r.Entity));
        Assert.All(records, r => Assert.Equal(Now, r.At));
        Assert.Contains("\"role\":\"analyst\"", records[0].After, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"erp\"", records[1].After, StringComparison.Ordinal);
        Assert.Contains("\"revoked_at\":null", records[2].Before, StringComparison.Ordinal);
        Assert.Contains("\"revoked_at\":\"2026-11-30T09:00:00", records[2].After, StringComparison.Ordinal);
        Assert.Equal(Now, revoked?.RevokedAt);
        Assert.Equal(Now, again?.RevokedAt);
        var stored = await users.FindAsync("ana");
        foreach (var record in records)
        {
            var text = $"{record.Before}{record.After}{record.Entity}";
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(stored!.PasswordHash, text, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Record.TokenHash, text, StringComparison.Ordinal);
        }

        var verification = await VerifyAuditTrail.HandleAsync(trail, default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(4, verification.Records);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AChangeWhoseAuditRecordCannotBeAppended_IsNotKept(string provider)
    {
        var clock = new FixedClock(Now);
        await using var test = await TestStore.CreateAsync(provider, clock);
        await using (var setup = ServerStores.OpenUsers(test.Db, clock))
        {
            await setup.AddAsync(new UserAccount { UserName = "ana", PasswordHash = "x", Role = UserRole.Analyst, CreatedAt = Now });
            await setup.AddTokenAsync(Token('b'));
        }

        // A row at the chain's next sequence number, written behind the head's back: the next append collides with it.
        await using (var connection = await test.ConnectAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO audit_log (seq, at, actor, action, entity, prev_hash, hash) " +
                                  "VALUES (1, '2026-11-30T09:00:00Z', 'x', 'x', 'x', 'x', 'x')";
            await command.ExecuteNonQueryAsync();
        }

        await using var users = ServerStores.OpenUsers(test.Db, clock);
        await Assert.ThrowsAnyAsync<Exception>(() => AddUser.HandleAsync(new AddUserRequest("cole", "collector", null, Password, "ada"), users, clock, default));
        await using var users2 = ServerStores.OpenUsers(test.Db, clock);
        await Assert.ThrowsAnyAsync<Exception>(() => users2.AddTokenAsync(Token('a'), UserAudit.TokenIssued(Token('a'), "ada")));
        await using var users3 = ServerStores.OpenUsers(test.Db, clock);
        await Assert.ThrowsAnyAsync<Exception>(() => users3.RevokeTokenAsync(Token('b').TokenHash, Now, UserAudit.TokenRevoked(Token('b'), Now, "ada")));

        await using var check = ServerStores.OpenUsers(test.Db, clock);
        Assert.Null(await check.FindAsync("cole"));
        Assert.Equal([Token('b').TokenId], (await check.ListTokensAsync("ana")).Select(t => t.TokenId));
        Assert.Null((await check.ListTokensAsync("ana"))[0].RevokedAt);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task SignIns_AreAudited_AcceptedAndRefusedAlike_WithoutThePassword(string provider)
    {
        var clock = new FixedClock(Now);
        await using var test = await TestStore.CreateAsync(provider, clock);
        await using var users = ServerStores.OpenUsers(test.Db, clock);
        await using var trail = CreditStoreFactory.Open(test.Db, clock);
        await AddUser.HandleAsync(new AddUserRequest("ana", "analyst", null, Password), users, clock, default);
        var longName = new string('n', 100);

        var ok = await SignIn.HandleAsync("ana", Password, "10.0.0.7", users, trail, default);
        var wrong = await SignIn.HandleAsync("ana", "not the password", "10.0.0.7", users, trail, default);
        var unknown = await SignIn.HandleAsync("nobody", Password, null, users, trail, default);
        var tooLong = await SignIn.HandleAsync(longName, Password, null, users, trail, default);

        Assert.NotNull(ok);
        Assert.Null(wrong);
        Assert.Null(unknown);
        Assert.Null(tooLong);
        var records = (await trail.ListAuditAsync(null, 100)).Reverse().Skip(1).ToArray();
        Assert.Equal(["user.sign_in", "user.sign_in_failed", "user.sign_in_failed", "user.sign_in_failed"], records.Select(r => r.Action));
        Assert.Equal(["ana", "ana", "nobody", longName[..UserAudit.MaxNameLength]], records.Select(r => r.Actor));
        Assert.Equal("""{"result":"signed_in","client":"10.0.0.7"}""", records[0].After);
        Assert.Equal("""{"result":"refused","client":null}""", records[2].After);
        Assert.All(records, r => Assert.DoesNotContain(Password, $"{r.Before}{r.After}{r.Actor}{r.Entity}", StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain("not the password", $"{r.Before}{r.After}", StringComparison.Ordinal));
        Assert.True((await VerifyAuditTrail.HandleAsync(trail, default)).Intact);
    }

    private static ApiTokenRecord Token(char fill) => new() { TokenHash = new string(fill, 64), UserName = "ana", Label = "t", CreatedAt = Now };
}
