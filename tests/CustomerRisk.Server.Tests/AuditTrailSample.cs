using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Server.Tests;

/// <summary>Three audit records the fixtures append (a limit grant, an import, a policy load), all at the fixture
/// clock's instant, so the audit endpoints have a chain to list and verify.</summary>
public static class AuditTrailSample
{
    public const string Customer = "AUDIT-C1";

    public static async Task AppendAsync(string db, TimeProvider clock)
    {
        await using var trail = CreditStoreFactory.Open(db, clock);
        await trail.AppendAsync(new AuditEntry
        {
            Actor = "carl", Action = "limit.grant", Entity = "credit_limit:1", CustomerId = Customer,
            Before = null, After = """{"amount":"20000.00","reason":"<b>annual review</b>"}""",
        });
        await trail.AppendAsync(new AuditEntry { Actor = "crisk import", Action = "import", Entity = "import:1", After = """{"files":3}""" });
        await trail.AppendAsync(new AuditEntry
        {
            Actor = "ada", Action = "limit.temporary", Entity = "credit_limit:2", CustomerId = Customer,
            Before = """{"amount":"20000.00"}""", After = """{"amount":"25000.00"}""",
        });
    }
}
