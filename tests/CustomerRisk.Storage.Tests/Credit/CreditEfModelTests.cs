using CustomerRisk.Storage.Credit;
using Microsoft.EntityFrameworkCore;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

public sealed class CreditEfModelTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EfModel_ReadsWhatCreditOperationsWrote(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 1_234.5678m);
        var grant = await store.GrantAsync("C1", 20_000m, until: "2026-12-31");
        var check = await store.CheckAsync("C1", 99.99m, "SO-1");

        await using RiskDbContext context = provider == "sqlite"
            ? new SqliteRiskDbContext($"Data Source={store.Test.Db}")
            : new PostgresRiskDbContext(store.Test.Db);
        var limit = await context.Set<CreditLimitEntity>().SingleAsync();
        var recorded = await context.Set<OrderCheckEntity>().SingleAsync();
        var policy = await context.Set<PolicyEntity>().SingleAsync();
        var figures = await context.Set<CreditFiguresEntity>().SingleAsync();
        var audit = await context.Set<AuditLogEntity>().OrderBy(a => a.Seq).ToListAsync();
        var head = await context.Set<AuditHeadEntity>().SingleAsync();

        Assert.Equal((20_000m, "standing", grant.Grant.ValidFrom, grant.Grant.ValidTo), (limit.Amount, limit.Kind, limit.ValidFrom, limit.ValidTo));
        Assert.Equal((99.99m, "approve", 1_234.5678m, true), (recorded.Amount, recorded.Decision, recorded.OpenAr, recorded.CountsOpen));
        Assert.Equal(check.CheckedAt, recorded.CheckedAt);
        Assert.Equal((check.PolicyVersion, true), (policy.Version, policy.Active));
        Assert.Equal(("N", 1_234.5678m), (figures.Grade, figures.OpenAr));
        Assert.Equal(["policy.load", "limit.grant", "order.check"], audit.Select(a => a.Action));
        Assert.Equal((3L, audit[^1].Hash), (head.Seq, head.Hash));
    }
}
