using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Analytics.Tests;

/// <summary>Invariants over random ledgers (FsCheck). Amounts are whole cents, so no remainder ever falls within the
/// settle tolerance and the money identities hold exactly.</summary>
public sealed class IndicatorPropertyTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly AsOf = Start.AddDays(600);
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void AgingBuckets_AddUpToOpenAr_AndNothingIsNegative()
    {
        Check.One(Runs, Prop.ForAll(Ledgers(uniformTerms: false).ToArbitrary(), spec =>
        {
            var x = IndicatorCalculator.Compute(spec.Build(), AsOf, IndicatorPolicy.Default);
            var a = x.Aging;
            return (a.Total == x.OpenAr)
                .Label($"aging {a.Total} ≠ open AR {x.OpenAr}: {spec}")
                .And((x.OpenAr >= 0m && x.OverdueAr >= 0m && x.OverdueAr <= x.OpenAr && x.UnappliedCredit >= 0m)
                    .Label($"negative or inconsistent AR: {x}"))
                .And((a.Current >= 0m && a.D1To30 >= 0m && a.D31To60 >= 0m && a.D61To90 >= 0m && a.D91To180 >= 0m && a.D181Plus >= 0m)
                    .Label($"negative bucket: {a}"))
                .And((a.PastDue == x.OverdueAr).Label("past-due buckets ≠ overdue AR"));
        }));
    }

    [Fact]
    public void CashApplication_ConservesMoney()
    {
        // Σ open + Σ applied = Σ amounts of the invoices issued by T; Σ applied + unapplied credit = cash received by T.
        Check.One(Runs, Prop.ForAll(Ledgers(uniformTerms: false).ToArbitrary(), spec =>
        {
            var ledger = spec.Build();
            var cash = CashApplication.Apply(ledger, AsOf, IndicatorPolicy.Default);
            var invoices = ledger.Invoices.Span;
            decimal issued = 0m, open = 0m, applied = 0m, received = 0m;
            var eachInvoiceSound = true;
            for (var i = 0; i < invoices.Length; i++)
            {
                var s = cash.Invoices[i];
                var isIssued = invoices[i].IssueDate <= AsOf;
                issued += isIssued ? invoices[i].Amount : 0m;
                open += s.OpenAmount;
                applied += s.AppliedAmount;
                eachInvoiceSound &= s.IsIssued == isIssued
                    && s.OpenAmount >= 0m
                    && s.AppliedAmount >= 0m
                    && s.OpenAmount + s.AppliedAmount == (isIssued ? invoices[i].Amount : 0m)
                    && (s.SettledDate is null) == (s.OpenAmount > 0m || !isIssued)
                    && (s.SettledDate is null || (s.SettledDate >= invoices[i].IssueDate && s.SettledDate <= AsOf));
            }

            foreach (var payment in ledger.Payments.Span)
            {
                received += payment.PaymentDate <= AsOf ? payment.Amount : 0m;
            }

            return eachInvoiceSound.Label($"an invoice is unsound: {spec}")
                .And((open + applied == issued).Label($"open {open} + applied {applied} ≠ issued {issued}: {spec}"))
                .And((applied + cash.UnappliedCredit == received).Label($"applied {applied} + credit {cash.UnappliedCredit} ≠ received {received}: {spec}"))
                .And((cash.UnappliedCredit == 0m || open == 0m).Label("credit left while an invoice is open"));
        }));
    }

    [Fact]
    public void PaymentArrivingLater_NeverLowersMaxDaysLate_WhenInvoicesFallDueInTheOrderTheyAreIssued()
    {
        // The documented form (docs/indicators.md, "A later payment and lateness"): any payment terms, as long as an
        // invoice issued later never falls due sooner (then oldest-first by due date is also oldest-first by issue
        // date, and cash that arrives later can only reach invoices that fall due later), and every named payment
        // names an invoice issued by its date. Outside it the spec's rule does let a later payment lower
        // max_days_late: see the two hand-worked cases in PaymentBehaviourTests.
        var cases =
            from generated in Ledgers(uniformTerms: false)
            let spec = generated.DueInIssueOrder().NamingOnlyIssuedInvoices()
            where spec.Payments.Length > 0
            from which in Gen.Choose(0, spec.Payments.Length - 1)
            from delay in Gen.Choose(1, 90)
            select (spec, which, delay);

        Check.One(Runs.WithMaxTest(1000), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var before = IndicatorCalculator.Compute(c.spec.Build(), AsOf, IndicatorPolicy.Default);
            var moved = c.spec with
            {
                Payments = c.spec.Payments
                    .Select((p, i) => i == c.which ? p with { Day = p.Day + c.delay } : p)
                    .ToArray(),
            };
            var after = IndicatorCalculator.Compute(moved.Build(), AsOf, IndicatorPolicy.Default);

            return (before.MaxDaysLate is null
                    ? after.MaxDaysLate is null
                    : after.MaxDaysLate >= before.MaxDaysLate)
                .Label($"max days late {before.MaxDaysLate} → {after.MaxDaysLate} moving payment {c.which} by {c.delay} days: {c.spec}");
        }));
    }

    [Fact]
    public void DsoAsOf_EqualsTheFullComputationsDso_OnAnyDate()
    {
        var cases =
            from spec in Ledgers(uniformTerms: false)
            from day in Gen.Choose(-30, 760)
            select (spec, day);
        var workspace = new IndicatorWorkspace();

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ledger = c.spec.Build();
            var date = Start.AddDays(c.day);
            var full = IndicatorCalculator.Compute(ledger, date, IndicatorPolicy.Default).Dso;
            var alone = IndicatorCalculator.DsoAsOf(ledger, date, IndicatorPolicy.Default, workspace);
            return (full == alone).Label($"DSO {full} from Compute ≠ {alone} from DsoAsOf as of day {c.day}: {c.spec}");
        }));
    }

    [Fact]
    public void RecordsDatedAfterTheAsOfDate_ChangeNothing()
    {
        var cases =
            from spec in Ledgers(uniformTerms: false)
            from future in Future(spec.Invoices.Length)
            select (spec, future);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var without = IndicatorCalculator.Compute(c.spec.Build(), AsOf, IndicatorPolicy.Default);
            var with = IndicatorCalculator.Compute(c.future.Build(c.spec), AsOf, IndicatorPolicy.Default);
            return (without == with).Label($"{without}\n≠\n{with}\nfor {c.spec} + {c.future}");
        }));
    }

    [Fact]
    public void RatesStayInRange_AndOnTimeIsTheComplementOfDelay()
    {
        Check.One(Runs, Prop.ForAll(Ledgers(uniformTerms: false).ToArbitrary(), spec =>
        {
            var x = IndicatorCalculator.Compute(spec.Build(), AsOf, IndicatorPolicy.Default);
            var due = x.InvoicesDueInWindow > 0;
            return (due == x.NetCollectionRate.HasValue && due == x.MaxDaysLate.HasValue && due == x.PaymentDelayRate.HasValue)
                .Label("rates are null exactly when no invoice falls due in W")
                .And((x.NetCollectionRate is null || x.NetCollectionRate <= 1m).Label("net collection rate above 1"))
                .And((x.PaymentDelayRate is null || (x.PaymentDelayRate >= 0m && x.PaymentDelayRate <= 1m
                    && x.OnTimeRate + x.PaymentDelayRate == 1m)).Label("delay rate out of range"))
                .And((x.MaxDaysLate is null || (x.MaxDaysLate >= 0 && x.AvgDaysLate <= x.MaxDaysLate)).Label("avg above max"))
                .And((x.Exposure == x.OpenAr + x.OpenOrders).Label("exposure"));
        }));
    }

    [Fact]
    public void ReusingAWorkspace_GivesTheSameAsAFreshOne()
    {
        var workspace = new IndicatorWorkspace();
        Check.One(Runs, Prop.ForAll(Ledgers(uniformTerms: false).ToArbitrary(), spec =>
        {
            var ledger = spec.Build();
            var reused = IndicatorCalculator.Compute(ledger, AsOf, IndicatorPolicy.Default, workspace);
            var fresh = IndicatorCalculator.Compute(ledger, AsOf, IndicatorPolicy.Default);
            return (reused == fresh).Label($"{reused} ≠ {fresh}");
        }));
    }

    private static Gen<LedgerSpec> Ledgers(bool uniformTerms) =>
        from invoiceCount in Gen.Choose(0, 14)
        from paymentCount in Gen.Choose(0, 14)
        from terms in Gen.Choose(0, 90)
        from invoices in Gen.ArrayOf(Invoice(uniformTerms ? terms : -1), invoiceCount)
        from payments in Gen.ArrayOf(Payment(invoiceCount), paymentCount)
        from claims in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 700), Gen.Choose(1, 50_000)), 3)
        from claimCount in Gen.Choose(0, 3)
        select new LedgerSpec(invoices, payments, claims[..claimCount]);

    private static Gen<InvoiceSpec> Invoice(int fixedTerms) =>
        from issue in Gen.Choose(0, 700)
        from terms in fixedTerms >= 0 ? Gen.Constant(fixedTerms) : Gen.Choose(0, 120)
        from cents in Gen.Choose(1, 500_000)
        select new InvoiceSpec(issue, terms, cents);

    private static Gen<PaymentSpec> Payment(int invoiceCount) =>
        from day in Gen.Choose(0, 700)
        from cents in Gen.Frequency((4, Gen.Choose(1, 500_000)), (1, Gen.Choose(500_000, 2_000_000)))
        from named in invoiceCount == 0 ? Gen.Constant(-1) : Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, invoiceCount - 1)))
        select new PaymentSpec(day, cents, named);

    private static Gen<FutureSpec> Future(int invoiceCount) =>
        from invoices in Gen.ArrayOf(Invoice(-1).Select(i => i with { Day = 601 + i.Day % 100 }), 3)
        from payments in Gen.ArrayOf(Payment(invoiceCount + 3).Select(p => p with { Day = 601 + p.Day % 100 }), 3)
        from otherDay in Gen.Choose(601, 800)
        select new FutureSpec(invoices, payments, otherDay);

    private sealed record InvoiceSpec(int Day, int Terms, int Cents);

    private sealed record PaymentSpec(int Day, int Cents, int Named);

    private sealed record LedgerSpec(InvoiceSpec[] Invoices, PaymentSpec[] Payments, (int Day, int Cents)[] Claims)
    {
        public CustomerLedger Build() => Builder().Build();

        /// <summary>The same ledger with every payment that names an invoice issued after the payment's date made
        /// unnamed.</summary>
        public LedgerSpec NamingOnlyIssuedInvoices() => this with
        {
            Payments = Payments.Select(p => p.Named >= 0 && Invoices[p.Named].Day > p.Day ? p with { Named = -1 } : p).ToArray(),
        };

        /// <summary>The same ledger with due dates moved so that invoices fall due in the order they are issued: in
        /// issue order, each due date is the later of its own and the previous invoice's.</summary>
        public LedgerSpec DueInIssueOrder()
        {
            var byIssue = Invoices.Select((x, i) => (x, i)).OrderBy(p => p.x.Day).ThenBy(p => p.i).ToArray();
            var result = new InvoiceSpec[Invoices.Length];
            var lastDue = int.MinValue;
            foreach (var (x, i) in byIssue)
            {
                var due = Math.Max(lastDue, x.Day + x.Terms);
                result[i] = x with { Terms = due - x.Day };
                lastDue = due;
            }

            return this with { Invoices = result };
        }

        public LedgerBuilder Builder()
        {
            var builder = new LedgerBuilder();
            for (var i = 0; i < Invoices.Length; i++)
            {
                var x = Invoices[i];
                builder.Invoice($"I{i:D3}", Start.AddDays(x.Day), Start.AddDays(x.Day + x.Terms), x.Cents / 100m);
            }

            foreach (var p in Payments)
            {
                builder.Payment(Start.AddDays(p.Day), p.Cents / 100m, p.Named < 0 ? null : $"I{p.Named:D3}");
            }

            foreach (var (day, cents) in Claims)
            {
                builder.Claim(Start.AddDays(day), cents / 100m);
            }

            return builder;
        }

        public override string ToString() =>
            "invoices [" + string.Join("; ", Invoices.Select((x, i) => $"I{i:D3} day {x.Day}+{x.Terms} {x.Cents / 100m}")) + "] payments ["
            + string.Join("; ", Payments.Select(p => $"day {p.Day} {p.Cents / 100m}" + (p.Named < 0 ? "" : $" → I{p.Named:D3}"))) + "] claims ["
            + string.Join("; ", Claims.Select(c => $"day {c.Day} {c.Cents / 100m}")) + "]";
    }

    private sealed record FutureSpec(InvoiceSpec[] Invoices, PaymentSpec[] Payments, int OtherDay)
    {
        public CustomerLedger Build(LedgerSpec past)
        {
            var builder = past.Builder();
            var first = past.Invoices.Length;
            for (var i = 0; i < Invoices.Length; i++)
            {
                var x = Invoices[i];
                builder.Invoice($"I{first + i:D3}", Start.AddDays(x.Day), Start.AddDays(x.Day + x.Terms), x.Cents / 100m);
            }

            foreach (var p in Payments)
            {
                builder.Payment(Start.AddDays(p.Day), p.Cents / 100m, p.Named < 0 ? null : $"I{p.Named:D3}");
            }

            var day = Start.AddDays(OtherDay);
            return builder
                .Claim(day, 1_000m)
                .Order(day, 5_000m)
                .Interaction(day, InteractionType.Complaint)
                .Interaction(day, InteractionType.BrokenPromise)
                .Build();
        }

        public override string ToString() =>
            "future invoices [" + string.Join("; ", Invoices.Select(x => $"day {x.Day}+{x.Terms} {x.Cents / 100m}")) + "] payments ["
            + string.Join("; ", Payments.Select(p => $"day {p.Day} {p.Cents / 100m} → {p.Named}")) + $"] others on day {OtherDay}";
    }
}
