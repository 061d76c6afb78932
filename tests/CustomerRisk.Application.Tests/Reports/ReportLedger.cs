using CustomerRisk.Domain;
using static CustomerRisk.Application.Tests.Reports.L;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>A three-customer ledger worked out by hand, as of 2025-06-30 (review window 2024-06-30 exclusive to
/// 2025-06-30):
/// <list type="bullet">
/// <item>C1 Nordic Tools AB: 12 monthly invoices of 4,000 (1 July 2024 – 1 June 2025, 30 days), all paid on the due
/// date except May's, paid 3 days late; June's is open and not due. Collection A (100%), timeliness B (3 days), focus
/// exclusive A → mean 8/3 → <b>A</b>. Sales 48,000 (48% of the portfolio), open AR 4,000 current. Limit 1.5 × 4,000 ×
/// 2.5 = <b>15,000</b> (cap 10% of 1,000,000 does not bite); granted 20,000.</item>
/// <item>C2, named with a script tag: 6 monthly invoices of 2,000 from 1 January 2025; January's paid 10 days late,
/// February's on time, March–May unpaid, June's not due; a quality claim of 500; two broken promises to pay. Due in W
/// 10,000, paid 4,000, less the claim: net collection 3,500 / 10,000 = 35% → D; timeliness D (10 days) → <b>D</b>,
/// vetoed. Open AR 8,000: current 2,000, 30 dpd 2,000, 60 dpd 2,000, 91 dpd 2,000 → dunning L4. Net sales 11,500.</item>
/// <item>C3 Iberia Foods SL: 4 quarterly invoices of 10,000 from 1 August 2024, paid on time except the last, paid 2
/// days late. Collection A, timeliness B, focus mainly ours B → mean 7/3 → <b>B</b>. No limit granted; recommended
/// 1.0 × 3,333.33 × 1.5 = 5,000. Sales 40,000.</item>
/// </list>
/// Portfolio sales 100,000; net sales 99,500.</summary>
public static class ReportLedger
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public const string ScriptName = "Baltic Metals <script>alert(1)</script> & Co";

    public static Task<LedgerStore> CreateAsync()
    {
        var customers = new List<Customer>
        {
            new() { CustomerId = "C1", Name = "Nordic Tools AB", Industry = "Tools", Region = "North", SalesOwner = "ana", AnnualRevenue = 1_000_000m, CreditLimit = 20_000m, ProductFocus = ProductFocus.Exclusive, CustomerSince = D("2020-01-15") },
            new() { CustomerId = "C2", Name = ScriptName, Region = "East", CreditLimit = 10_000m, ProductFocus = ProductFocus.Equal, CustomerSince = D("2024-03-01") },
            new() { CustomerId = "C3", Name = "Iberia Foods SL", Region = "South", ProductFocus = ProductFocus.MainlyOurs, CustomerSince = D("2018-05-01") },
        };
        var invoices = new List<Invoice>();
        var payments = new List<Payment>();
        for (var m = 0; m < 12; m++)
        {
            var issued = new DateOnly(2024, 7, 1).AddMonths(m);
            var id = $"C1-{m + 1:00}";
            invoices.Add(new Invoice { InvoiceId = id, CustomerId = "C1", IssueDate = issued, DueDate = issued.AddDays(30), Amount = 4_000m });
            if (m < 10)
            {
                payments.Add(Pay($"P{id}", "C1", issued.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 4_000m, id));
            }
            else if (m == 10)
            {
                payments.Add(Pay($"P{id}", "C1", issued.AddDays(33).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 4_000m, id));
            }
        }

        foreach (var (id, issued) in new[] { ("C2-01", "2025-01-01"), ("C2-02", "2025-02-01"), ("C2-03", "2025-03-01"), ("C2-04", "2025-04-01"), ("C2-05", "2025-05-01"), ("C2-06", "2025-06-01") })
        {
            invoices.Add(Invoice(id, "C2", issued, 30, 2_000m));
        }

        payments.Add(Pay("PC2-01", "C2", "2025-02-10", 2_000m, "C2-01"));   // due 2025-01-31: 10 days late
        payments.Add(Pay("PC2-02", "C2", "2025-03-03", 2_000m, "C2-02"));   // due 2025-03-03: on time

        foreach (var (id, issued) in new[] { ("C3-1", "2024-08-01"), ("C3-2", "2024-11-01"), ("C3-3", "2025-02-01"), ("C3-4", "2025-05-01") })
        {
            invoices.Add(Invoice(id, "C3", issued, 30, 10_000m));
        }

        payments.Add(Pay("PC3-1", "C3", "2024-08-31", 10_000m, "C3-1"));
        payments.Add(Pay("PC3-2", "C3", "2024-12-01", 10_000m, "C3-2"));
        payments.Add(Pay("PC3-3", "C3", "2025-03-03", 10_000m, "C3-3"));
        payments.Add(Pay("PC3-4", "C3", "2025-06-02", 10_000m, "C3-4"));   // due 2025-05-31: 2 days late

        var claims = new List<Claim> { new() { ClaimId = "K1", CustomerId = "C2", ClaimDate = D("2025-03-15"), Amount = 500m, InvoiceId = "C2-03", Reason = ClaimReason.Quality } };
        var interactions = new List<Interaction>
        {
            new() { EventId = "E1", CustomerId = "C2", Date = D("2025-04-20"), Type = InteractionType.BrokenPromise },
            new() { EventId = "E2", CustomerId = "C2", Date = D("2025-06-10"), Type = InteractionType.BrokenPromise },
        };
        return LedgerStore.CreateAsync(customers, invoices, payments, claims, interactions);
    }
}
