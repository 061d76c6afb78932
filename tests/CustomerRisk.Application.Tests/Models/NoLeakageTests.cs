using CustomerRisk.Analytics;
using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;
using static CustomerRisk.Application.Tests.Models.PdLedger;

namespace CustomerRisk.Application.Tests.Models;

/// <summary>The inputs of a snapshot T must not see anything dated after T: the row of a ledger and the row of the
/// same ledger cut at T are equal in every input.</summary>
public sealed class NoLeakageTests
{
    private static readonly DateOnly T = D("2024-06-30");
    private static readonly DateOnly DataEnd = D("2025-12-31");

    [Fact]
    public void InputsAtT_AreTheSame_WithAndWithoutEveryRecordAfterT()
    {
        var ledger = Ledger(seed: 1, out var cut);

        var full = Assert.Single(Rows(ledger, DataEnd, T));
        var truncated = Assert.Single(Rows(cut, DataEnd, T));

        Assert.Equal(full.Inputs, truncated.Inputs);
        Assert.Equal(full.ExpertPd, truncated.ExpertPd);
        Assert.True(full.Defaulted); // the label does look ahead: an invoice issued after T is never paid
    }

    [Fact]
    public void InputsAtT_IgnoreLaterRecords_ForRandomLedgers()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 100_000)), seed =>
        {
            var ledger = Ledger(seed, out var cut);
            var full = Rows(ledger, DataEnd, T);
            var truncated = Rows(cut, DataEnd, T);
            return full.Count == truncated.Count && full.Zip(truncated).All(p => p.First.Inputs.SequenceEqual(p.Second.Inputs));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A ledger with records on both sides of T (late payments, claims, complaints, new invoices, orders after
    /// T, and an invoice open at T that is never paid), and the same ledger cut at T.</summary>
    private static CustomerLedger Ledger(int seed, out CustomerLedger cut)
    {
        var random = new Random(seed);
        var invoices = new List<InvoiceLine>();
        var payments = new List<(DateOnly Date, decimal Amount, int Invoice)>();
        var start = D("2023-01-01");
        for (var day = 0; day < 900; day += random.Next(5, 40))
        {
            var issue = start.AddDays(day);
            var amount = random.Next(100, 5000);
            invoices.Add(new InvoiceLine(issue, issue.AddDays(30), amount));
            var late = issue > T && random.Next(0, 10) == 0 ? 200 : random.Next(-5, 40);
            payments.Add((issue.AddDays(30 + late), amount, random.Next(0, 4) == 0 ? -1 : invoices.Count - 1));
        }

        // One invoice open at T, paid 15 days late after T, and one issued after T and never paid: a default.
        invoices.Add(new InvoiceLine(T.AddDays(-20), T.AddDays(10), 777m));
        payments.Add((T.AddDays(25), 777m, invoices.Count - 1));
        invoices.Add(new InvoiceLine(T.AddDays(30), T.AddDays(60), 888m));
        var claims = Enumerable.Range(0, 6).Select(i => new ClaimLine(start.AddDays(random.Next(0, 900)), random.Next(10, 100))).ToList();
        var interactions = Enumerable.Range(0, 12)
            .Select(i => new InteractionLine(start.AddDays(random.Next(0, 900)), (InteractionType)random.Next(0, 9))).ToList();
        var orders = Enumerable.Range(0, 4).Select(i => new OrderLine(start.AddDays(random.Next(0, 900)), random.Next(10, 1000), OrderStatus.Open)).ToList();
        var ledger = Build(invoices, payments, claims, interactions, orders);

        var keep = Enumerable.Range(0, invoices.Count).Where(i => invoices[i].IssueDate <= T).ToArray();
        var newIndex = new Dictionary<int, int>();
        for (var k = 0; k < keep.Length; k++)
        {
            newIndex[keep[k]] = k;
        }

        cut = Build(
            keep.Select(i => invoices[i]).ToList(),
            payments.Where(p => p.Date <= T).Select(p => (p.Date, p.Amount, p.Invoice < 0 ? -1 : newIndex.GetValueOrDefault(p.Invoice, -1))).ToList(),
            claims.Where(c => c.ClaimDate <= T).ToList(),
            interactions.Where(c => c.Date <= T).ToList(),
            orders.Where(o => o.OrderDate <= T).ToList());
        return ledger;
    }
}
