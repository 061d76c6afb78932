using CustomerRisk.Analytics;
using CustomerRisk.Domain;

namespace CustomerRisk.Benchmarks.Analytics;

/// <summary>Generates a synthetic portfolio of ledgers in memory for the indicator benchmarks: prompt payers, slow
/// payers, partial payers and prepayers, the same for the same seed.</summary>
public static class PortfolioLedgers
{
    /// <summary>The as-of date of the generated portfolio.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Builds <paramref name="customers"/> ledgers of <paramref name="invoicesPerCustomer"/> invoices and
    /// about as many payments each, over the two years before <see cref="AsOf"/>.</summary>
    public static CustomerLedger[] Generate(int customers, int invoicesPerCustomer, int seed)
    {
        var random = new Random(seed);
        var ledgers = new CustomerLedger[customers];
        var start = AsOf.AddDays(-760);
        for (var c = 0; c < customers; c++)
        {
            var terms = random.Next(4) switch { 0 => 0, 1 => 30, 2 => 45, _ => 60 };
            var lateness = random.Next(5) switch { 0 => 0, 1 => 3, 2 => 8, 3 => 20, _ => 60 }; // typical days late
            var invoices = new InvoiceLine[invoicesPerCustomer];
            var issueDays = new int[invoicesPerCustomer];
            for (var i = 0; i < issueDays.Length; i++)
            {
                issueDays[i] = random.Next(780);
            }

            Array.Sort(issueDays); // one term per customer, so due order = issue order
            for (var i = 0; i < invoices.Length; i++)
            {
                var issue = start.AddDays(issueDays[i]);
                invoices[i] = new InvoiceLine(issue, issue.AddDays(terms), Math.Round((decimal)(random.NextDouble() * 20_000 + 50), 2));
            }

            var payments = new List<PaymentLine>(invoicesPerCustomer + 4);
            for (var i = 0; i < invoices.Length; i++)
            {
                var paid = invoices[i].DueDate.AddDays(random.Next(-5, lateness + 1));
                if (paid < invoices[i].IssueDate)
                {
                    paid = invoices[i].IssueDate;
                }

                var amount = invoices[i].Amount;
                switch (random.Next(10))
                {
                    case 0: // a partial payment
                        amount = Math.Round(amount * 0.6m, 2);
                        break;
                    case 1: // an overpayment that leaves credit
                        amount += 100m;
                        break;
                }

                payments.Add(new PaymentLine(paid, amount, random.Next(3) == 0 ? i : -1));
            }

            payments.Sort((a, b) => a.PaymentDate.CompareTo(b.PaymentDate));
            var claims = random.Next(8) == 0 ? new[] { new ClaimLine(AsOf.AddDays(-random.Next(400)), 250m) } : [];
            var orders = random.Next(3) == 0 ? new[] { new OrderLine(AsOf.AddDays(-random.Next(30)), 5_000m, OrderStatus.Open) } : [];
            var interactions = random.Next(4) == 0
                ? new[] { new InteractionLine(AsOf.AddDays(-random.Next(200)), (InteractionType)random.Next(9)) }
                : [];
            Array.Sort(claims, (a, b) => a.ClaimDate.CompareTo(b.ClaimDate));

            ledgers[c] = new CustomerLedger
            {
                Customer = new Customer { CustomerId = "C" + c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Name = "Customer " + c },
                Invoices = invoices,
                Payments = payments.ToArray(),
                Claims = claims,
                Orders = orders,
                Interactions = interactions,
            };
        }

        return ledgers;
    }
}
