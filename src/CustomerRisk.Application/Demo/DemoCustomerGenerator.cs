namespace CustomerRisk.Application.Demo;

/// <summary>Generates one customer's rows in every file from the customer's own random stream, so a customer's
/// rows depend only on (seed, customer number, portfolio size, as-of date) and customers can be generated in any
/// order or in parallel. Money is kept in whole cents (long) until it is formatted: exact, and fast.</summary>
internal sealed class DemoCustomerGenerator
{
    /// <summary>Days of invoicing history before the as-of date (about 24 months).</summary>
    public const int HistoryDays = 730;

    /// <summary>Share of the last-12-month sales the key accounts take together.</summary>
    public const double KeyAccountShare = 0.35;

    /// <summary>Median monthly sales of an ordinary customer, in cents.</summary>
    private const double MedianMonthlySalesCents = 5_000_00;

    private const double MonthlySalesSigma = 1.0;

    /// <summary>Mean last-12-month sales of an ordinary customer, in cents, found by generating a large portfolio:
    /// it sizes the key accounts so that they take <see cref="KeyAccountShare"/> of the sales.</summary>
    private const double MeanOrdinarySales12mCents = 90_000_00;

    private const double DaysPerMonth = 30.4375;
    private const ulong ErrorStreamSalt = 0xBAD0_BAD0_BAD0_BAD0UL;

    // Cumulative archetype shares for ordinary customers (the key accounts are picked apart).
    private static readonly double[] ArchetypeShares = Cumulative(
        (DemoArchetype.PromptPayer, 42), (DemoArchetype.SlowPayer, 25), (DemoArchetype.Deteriorating, 8),
        (DemoArchetype.Churner, 9), (DemoArchetype.ClaimHeavy, 6), (DemoArchetype.Complainer, 6),
        (DemoArchetype.NewCustomer, 4));

    private static readonly DemoArchetype[] ArchetypeOrder =
    [
        DemoArchetype.PromptPayer, DemoArchetype.SlowPayer, DemoArchetype.Deteriorating, DemoArchetype.Churner,
        DemoArchetype.ClaimHeavy, DemoArchetype.Complainer, DemoArchetype.NewCustomer,
    ];

    private static readonly double[] TermsShares = [55, 80, 100];
    private static readonly int[] Terms = [30, 45, 60];
    private static readonly byte[][] FocusCodes = ["exclusive"u8.ToArray(), "mainly_ours"u8.ToArray(), "equal"u8.ToArray(), "mainly_competitor"u8.ToArray()];
    private static readonly byte[][] FocusLetters = ["A"u8.ToArray(), "B"u8.ToArray(), "C"u8.ToArray(), "D"u8.ToArray()];
    private static readonly byte[][] ClaimReasons = ["quality"u8.ToArray(), "shortage"u8.ToArray(), "price"u8.ToArray(), "other"u8.ToArray()];
    private static readonly byte[][] Criteria = ["collection_effort"u8.ToArray(), "claim_cause"u8.ToArray(), "bad_record"u8.ToArray(), "overall"u8.ToArray()];

    private readonly int _seed;
    private readonly int _customers;
    private readonly int _asOf;
    private readonly int _idWidth;
    private readonly bool _withErrors;
    private readonly int[] _keyAccounts;
    private readonly double[] _keyAccountMonthlyCents;

    public DemoCustomerGenerator(int seed, int customers, DateOnly asOf, bool withErrors)
    {
        _seed = seed;
        _customers = customers;
        _asOf = asOf.DayNumber;
        _withErrors = withErrors;
        _idWidth = Math.Max(6, customers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

        // A handful of very large customers: 1 per 100 customers, at most 10, picked by the portfolio's own stream.
        var keyCount = customers >= 10 ? Math.Clamp(customers / 100, 1, 10) : 0;
        var master = DemoRandom.For(seed, -1);
        var picked = new SortedSet<int>();
        while (picked.Count < keyCount)
        {
            picked.Add(master.Between(0, customers - 1));
        }

        _keyAccounts = [.. picked];
        var weights = new double[keyCount];
        var total = 0.0;
        for (var i = 0; i < keyCount; i++)
        {
            weights[i] = master.Uniform(0.4, 1.6);
            total += weights[i];
        }

        var keySales12m = KeyAccountShare / (1 - KeyAccountShare) * (customers - keyCount) * MeanOrdinarySales12mCents;
        _keyAccountMonthlyCents = new double[keyCount];
        for (var i = 0; i < keyCount; i++)
        {
            _keyAccountMonthlyCents[i] = keySales12m * weights[i] / total / 12;
        }
    }

    /// <summary>The numbers of the key accounts, 0-based.</summary>
    public IReadOnlyList<int> KeyAccounts => _keyAccounts;

    /// <summary>The archetype of a customer (0-based number), as <see cref="Generate"/> draws it.</summary>
    public DemoArchetype ArchetypeOf(int index) => DrawArchetype(DemoRandom.For(_seed, index), index);

    /// <summary>The customer id of a customer (0-based number): <c>C000001</c> for the first.</summary>
    public string CustomerId(int index) =>
        "C" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(_idWidth, '0');

    /// <summary>Appends every row of one customer (0-based number) to the chunk.</summary>
    public void Generate(int index, DemoChunk chunk)
    {
        var rng = DemoRandom.For(_seed, index);
        var c = new CustomerState(index + 1, DrawArchetype(rng, index));
        DrawProfile(rng, ref c, index);
        WriteCustomer(rng, ref c, chunk.Customers);
        WriteInvoicesAndPayments(rng, ref c, chunk);
        WriteInteractions(rng, ref c, chunk.Interactions);
        WriteOrders(rng, ref c, chunk.Orders);
        WriteFinancials(rng, ref c, chunk.Financials);
        WriteExpertScores(rng, ref c, chunk.ExpertScores);
        if (_withErrors)
        {
            WriteBadRows(DemoRandom.For(_seed, index, ErrorStreamSalt), ref c, chunk);
        }
    }

    private DemoArchetype DrawArchetype(DemoRandom rng, int index)
    {
        // Always draw, so a key account's stream is laid out like any other customer's.
        var drawn = ArchetypeOrder[rng.Pick(ArchetypeShares)];
        return Array.BinarySearch(_keyAccounts, index) >= 0 ? DemoArchetype.KeyAccount : drawn;
    }

    private void DrawProfile(DemoRandom rng, ref CustomerState c, int index)
    {
        var t = _asOf;
        c.Terms = c.Archetype == DemoArchetype.KeyAccount ? (rng.Chance(0.6) ? 60 : 45) : Terms[rng.Pick(TermsShares)];
        c.Habit = c.Archetype switch
        {
            DemoArchetype.PromptPayer or DemoArchetype.NewCustomer => PaymentHabit.Prompt,
            DemoArchetype.SlowPayer => PickHabit(rng, 0, 45, 40, 15),
            DemoArchetype.Deteriorating => PickHabit(rng, 60, 40, 0, 0),
            DemoArchetype.Churner => PickHabit(rng, 50, 30, 20, 0),
            DemoArchetype.ClaimHeavy => PickHabit(rng, 60, 40, 0, 0),
            DemoArchetype.Complainer => PickHabit(rng, 0, 40, 40, 20),
            _ => PickHabit(rng, 50, 50, 0, 0),
        };
        c.EarlyDays = rng.Between(1, 10);
        c.UnnamedShare = rng.Chance(0.55) ? 0 : rng.Uniform(0.1, 0.6);

        var oldRelationship = t - HistoryDays - rng.Between(1, 6000);
        switch (c.Archetype)
        {
            case DemoArchetype.NewCustomer:
                c.Since = t - rng.Between(0, 89);
                break;
            case DemoArchetype.Deteriorating or DemoArchetype.KeyAccount:
                c.Since = oldRelationship;
                break;
            case DemoArchetype.Churner:
                // Most stopped 4-10 months ago (dormant); a quarter over a year ago (they count in the churn rate).
                c.StopDay = rng.Chance(0.75) ? t - rng.Between(122, 304) : t - rng.Between(366, 450);
                c.Since = rng.Chance(0.8) ? oldRelationship : c.StopDay - rng.Between(200, 400);
                c.LeavesDebt = rng.Chance(0.25);
                break;
            default:
                c.Since = rng.Chance(0.78) ? oldRelationship : t - rng.Between(120, HistoryDays - 1);
                break;
        }

        if (c.Archetype == DemoArchetype.Deteriorating)
        {
            // A quarter are caught early: the slide began 3-6 months ago and is still a matter of days (C); the
            // rest began 5-11 months ago and now leave invoices unpaid for months (D).
            c.EarlyStage = rng.Chance(0.25);
            c.ChangeDay = c.EarlyStage ? t - rng.Between(100, 180) : t - rng.Between(150, 330);
        }

        if (c.Archetype == DemoArchetype.KeyAccount)
        {
            c.MonthlyCents = _keyAccountMonthlyCents[Array.BinarySearch(_keyAccounts, index)];
            c.InvoicesPerMonth = rng.Uniform(40, 90);
        }
        else
        {
            c.MonthlyCents = rng.LogNormal(MedianMonthlySalesCents, MonthlySalesSigma);
            c.InvoicesPerMonth = Math.Clamp(rng.LogNormal(2.0, 0.6), 0.25, 15);
        }

        c.MeanInvoiceCents = c.MonthlyCents / c.InvoicesPerMonth;
        (c.ClaimChance, c.ClaimFraction) = c.Archetype switch
        {
            DemoArchetype.PromptPayer or DemoArchetype.NewCustomer => (0, 0),
            DemoArchetype.ClaimHeavy => (rng.Uniform(0.12, 0.35), rng.Uniform(0.05, 0.3)),
            DemoArchetype.KeyAccount => (0.03, rng.Uniform(0.01, 0.03)),
            DemoArchetype.Complainer => (0.05, rng.Uniform(0.05, 0.15)),
            _ => (0.01, rng.Uniform(0.02, 0.1)),
        };
    }

    private static PaymentHabit PickHabit(DemoRandom rng, double prompt, double fewDays, double week, double weeks)
    {
        Span<double> cumulative = [prompt, prompt + fewDays, prompt + fewDays + week, prompt + fewDays + week + weeks];
        return (PaymentHabit)rng.Pick(cumulative);
    }

    private void WriteCustomer(DemoRandom rng, ref CustomerState c, CsvRowBuffer row)
    {
        row.Id("C"u8, c.Number, _idWidth);
        row.Text(CompanyName(rng));
        row.Text(DemoNames.Industries[rng.Between(0, DemoNames.Industries.Length - 1)]);
        row.Text(DemoNames.Regions[rng.Between(0, DemoNames.Regions.Length - 1)]);
        row.Text(DemoNames.SalesOwners[rng.Between(0, DemoNames.SalesOwners.Length - 1)]);

        // Our sales are 2-25% of the customer's own revenue.
        var annualRevenue = Math.Max(10_000_00, RoundTo(c.MonthlyCents * 12 / rng.Uniform(0.02, 0.25), 1_000_00));
        if (rng.Chance(0.92))
        {
            row.Cents(annualRevenue);
        }
        else
        {
            row.Empty();
        }

        var limit = Math.Max(1_000_00, RoundTo(c.MonthlyCents * (c.Terms / 30.0 + 1) * rng.Uniform(0.8, 1.6), 1_000_00));
        if (rng.Chance(0.85))
        {
            row.Cents(limit);
        }
        else
        {
            row.Empty();
        }

        row.Integer(c.Terms);
        Span<double> focus = c.Archetype switch
        {
            DemoArchetype.PromptPayer or DemoArchetype.KeyAccount => [45, 85, 97, 100],
            DemoArchetype.Deteriorating => [15, 50, 80, 100],
            DemoArchetype.Churner => [10, 35, 70, 100],
            DemoArchetype.Complainer => [20, 55, 85, 100],
            DemoArchetype.NewCustomer => [30, 65, 90, 100],
            _ => [25, 65, 90, 100],
        };
        var focusIndex = rng.Pick(focus);
        var style = rng.NextDouble();
        if (style < 0.05)
        {
            row.Empty();
        }
        else
        {
            row.Code(style < 0.15 ? FocusLetters[focusIndex] : FocusCodes[focusIndex]);
        }

        row.Date(c.Since);
        row.EndRow();
    }

    private static string CompanyName(DemoRandom rng)
    {
        var shape = rng.NextDouble();
        var stem = DemoNames.Stems[rng.Between(0, DemoNames.Stems.Length - 1)];
        var trade = DemoNames.Trades[rng.Between(0, DemoNames.Trades.Length - 1)];
        var legal = DemoNames.LegalForms[rng.Between(0, DemoNames.LegalForms.Length - 1)];
        if (shape < 0.04)
        {
            var a = DemoNames.Surnames[rng.Between(0, DemoNames.Surnames.Length - 1)];
            var b = DemoNames.Surnames[rng.Between(0, DemoNames.Surnames.Length - 1)];
            return $"{a}, {b} & Partners";
        }

        if (shape < 0.07)
        {
            return $"{stem} \"{trade}\" {legal}";
        }

        return $"{stem} {trade} {legal}";
    }

    private void WriteInvoicesAndPayments(DemoRandom rng, ref CustomerState c, DemoChunk chunk)
    {
        var t = _asOf;
        var start = Math.Max(c.Since, t - HistoryDays + 1);
        var end = c.Archetype == DemoArchetype.Churner ? c.StopDay : t;
        if (c.Archetype == DemoArchetype.NewCustomer)
        {
            // Nothing has fallen due yet: every invoice is younger than the payment terms, and some have none.
            start = Math.Max(c.Since, t - c.Terms + 1);
            if (rng.Chance(0.2))
            {
                end = start - 1;
            }
        }

        var meanGap = DaysPerMonth / c.InvoicesPerMonth;
        // The first invoice falls somewhere within one typical gap of the start (the habit was already running).
        var position = start + rng.NextDouble() * meanGap;
        var invoiceSeq = 0;
        var paymentSeq = 0;
        var claimSeq = 0;

        // The latest day by which every earlier invoice was settled (int.MaxValue when one is still open at the
        // as-of date): an unnamed payment is written only after it, so oldest-first application gives it to the
        // invoice it was meant for and the archetype's timeliness holds.
        var earlierSettled = int.MinValue;
        while (true)
        {
            var issue = (int)Math.Floor(position);
            if (issue > end)
            {
                break;
            }

            position += rng.Exponential(meanGap);
            var severity = 0.0;
            if (c.Archetype == DemoArchetype.Deteriorating && issue >= c.ChangeDay)
            {
                severity = (issue - c.ChangeDay) / (double)(t - c.ChangeDay + 1);

                // Buying falls off as the trouble grows.
                if (rng.Chance(0.4 * severity))
                {
                    continue;
                }
            }

            var due = issue + c.Terms;
            var amount = Math.Max(10_00, (long)Math.Round(c.MeanInvoiceCents * rng.LogNormal(1, 0.35)));
            invoiceSeq++;
            var invoices = chunk.Invoices;
            invoices.Id("INV-"u8, c.Number, _idWidth, invoiceSeq, 5);
            invoices.Id("C"u8, c.Number, _idWidth);
            invoices.Date(issue);
            invoices.Date(due);
            invoices.Cents(amount);
            invoices.Empty();
            invoices.EndRow();

            // Plan the payments: a first part (maybe the whole) and a remainder; a day of int.MaxValue means never.
            var firstDay = int.MaxValue;
            var firstCents = 0L;
            var restDay = int.MaxValue;
            var restCents = 0L;
            var disputed = false;
            if (severity > 0 && c.EarlyStage)
            {
                restDay = due + rng.Between(3, 9);
                restCents = amount;
                if (rng.Chance(0.3))
                {
                    firstCents = RoundTo(amount * rng.Uniform(0.3, 0.7), 1);
                    firstDay = restDay - rng.Between(1, 10);
                    restCents = amount - firstCents;
                }
            }
            else if (severity > 0)
            {
                if (rng.Chance(0.1 + 0.55 * severity))
                {
                    // Left unpaid, sometimes after a part payment: these age into 60-180+ days past due.
                    if (rng.Chance(0.5))
                    {
                        firstDay = due + rng.Between(5, 30 + (int)(60 * severity));
                        firstCents = Math.Max(1_00, RoundTo(amount * rng.Uniform(0.2, 0.6), 1));
                    }
                }
                else
                {
                    var late = 3 + (int)(severity * rng.Uniform(15, 120)) + rng.Between(0, 7);
                    restDay = due + late;
                    restCents = amount;
                    if (rng.Chance(0.25 + 0.4 * severity))
                    {
                        firstCents = RoundTo(amount * rng.Uniform(0.3, 0.7), 1);
                        firstDay = restDay - rng.Between(1, Math.Max(1, late / 2));
                        restCents = amount - firstCents;
                    }
                }
            }
            else if (c.Archetype == DemoArchetype.NewCustomer)
            {
                // Not due yet: no payment.
            }
            else if (c.Archetype == DemoArchetype.Churner && c.LeavesDebt && issue > c.StopDay - 45)
            {
                // Walked away owing the last invoices.
            }
            else if (c.Archetype == DemoArchetype.Complainer && issue > t - 200 && rng.Chance(0.15))
            {
                disputed = true;
            }
            else
            {
                restDay = due + Delay(rng, c);
                restCents = amount;
                if (rng.Chance(0.05))
                {
                    // Paid in two instalments, the last on the habitual day, so timeliness is the habit's.
                    firstCents = RoundTo(amount * rng.Uniform(0.3, 0.8), 1);
                    firstDay = Math.Max(issue + 1, restDay - rng.Between(3, 20));
                    restCents = amount - firstCents;
                }
            }

            // An occasional overpayment, only of the customer's last invoice once everything before is settled:
            // the excess stays as unapplied credit instead of rippling through every later invoice.
            var lastInvoice = Math.Floor(position) > end;
            if (lastInvoice && restCents > 0 && firstCents == 0 && restDay <= t && restDay > earlierSettled && rng.Chance(0.3))
            {
                restCents += rng.Between(1_00, 200_00);
            }

            var settled = int.MaxValue;
            if (restCents > 0 && restDay <= t)
            {
                settled = restDay;
            }

            var payments = chunk.Payments;
            if (firstCents > 0 && firstDay <= t)
            {
                WritePayment(payments, ref c, ++paymentSeq, firstDay, firstCents, invoiceSeq);
            }

            if (restCents > 0 && restDay <= t)
            {
                var named = firstCents > 0 || restDay <= earlierSettled || !rng.Chance(c.UnnamedShare);
                WritePayment(payments, ref c, ++paymentSeq, restDay, restCents, named ? invoiceSeq : 0);
            }

            earlierSettled = Math.Max(earlierSettled, settled);

            // Collection calls for what is 10+ days late, and for deteriorating customers promises, often broken.
            var lateAtCall = (settled == int.MaxValue ? t : settled) - due;
            if (lateAtCall >= 10 && rng.Chance(0.5))
            {
                var callDay = due + rng.Between(7, 10);
                var interactions = chunk.Interactions;
                WriteInteraction(rng, interactions, ref c, callDay, "collection_call"u8, 0, DemoNames.CallNotes);
                if (c.Archetype is DemoArchetype.Deteriorating or DemoArchetype.Complainer && rng.Chance(0.5))
                {
                    WriteInteraction(rng, interactions, ref c, callDay, "promise_to_pay"u8, amount, DemoNames.PromiseNotes);
                    if (settled > callDay + 14 && callDay + 14 <= t)
                    {
                        WriteInteraction(rng, interactions, ref c, callDay + 14, "broken_promise"u8, 0, DemoNames.BrokenPromiseNotes);
                    }
                }
            }

            if (disputed)
            {
                var disputeDay = Math.Min(t, due - rng.Between(0, 15));
                WriteInteraction(rng, chunk.Interactions, ref c, Math.Max(issue, disputeDay), "dispute"u8, amount, DemoNames.DisputeNotes);
            }

            if (c.ClaimChance > 0 && rng.Chance(c.ClaimChance))
            {
                var claimDay = issue + rng.Between(3, 40);
                if (claimDay <= t)
                {
                    var claims = chunk.Claims;
                    claims.Id("CLM-"u8, c.Number, _idWidth, ++claimSeq, 5);
                    claims.Id("C"u8, c.Number, _idWidth);
                    claims.Date(claimDay);
                    claims.Cents(Math.Max(1_00, RoundTo(amount * c.ClaimFraction * rng.Uniform(0.5, 1.5), 1)));
                    if (rng.Chance(0.8))
                    {
                        claims.Id("INV-"u8, c.Number, _idWidth, invoiceSeq, 5);
                    }
                    else
                    {
                        claims.Empty();
                    }

                    Span<double> reasons = c.Archetype == DemoArchetype.KeyAccount ? [0, 0, 1, 1] : [70, 85, 95, 100];
                    claims.Code(ClaimReasons[rng.Pick(reasons)]);
                    claims.EndRow();
                }
            }

            if (issue >= t - 182)
            {
                c.RecentInvoiceCents += amount;
                c.RecentInvoices++;
            }
        }

        c.Invoices = invoiceSeq;
        c.Payments = paymentSeq;
    }

    private static int Delay(DemoRandom rng, in CustomerState c) => c.Habit switch
    {
        PaymentHabit.Prompt => rng.Chance(0.5) ? 0 : -rng.Between(1, c.EarlyDays),
        PaymentHabit.FewDaysLate => rng.Chance(0.3) ? 0 : rng.Between(1, 4),
        PaymentHabit.WeekLate => rng.Chance(0.2) ? 0 : rng.Between(1, 9),
        _ => rng.Between(3, 40),
    };

    private void WritePayment(CsvRowBuffer row, ref CustomerState c, int seq, int day, long cents, int invoiceSeq)
    {
        row.Id("PAY-"u8, c.Number, _idWidth, seq, 5);
        row.Id("C"u8, c.Number, _idWidth);
        row.Date(day);
        row.Cents(cents);
        if (invoiceSeq > 0)
        {
            row.Id("INV-"u8, c.Number, _idWidth, invoiceSeq, 5);
        }
        else
        {
            row.Empty();
        }

        row.EndRow();
    }

    private void WriteInteraction(DemoRandom rng, CsvRowBuffer row, ref CustomerState c, int day, ReadOnlySpan<byte> type, long cents, string[] notes)
    {
        row.Id("EV-"u8, c.Number, _idWidth, ++c.InteractionSeq, 5);
        row.Id("C"u8, c.Number, _idWidth);
        row.Date(day);
        row.Code(type);
        if (cents > 0)
        {
            row.Cents(cents);
        }
        else
        {
            row.Empty();
        }

        row.Text(notes[rng.Between(0, notes.Length - 1)]);
        row.EndRow();
    }

    private void WriteInteractions(DemoRandom rng, ref CustomerState c, CsvRowBuffer row)
    {
        var t = _asOf;
        var first = Math.Max(c.Since, t - HistoryDays + 1);
        var last = c.Archetype == DemoArchetype.Churner ? c.StopDay : t;
        if (last >= first)
        {
            var visits = rng.Between(0, c.Archetype == DemoArchetype.KeyAccount ? 8 : 4);
            for (var i = 0; i < visits; i++)
            {
                WriteInteraction(rng, row, ref c, rng.Between(first, last), "visit"u8, 0, DemoNames.VisitNotes);
            }

            if (rng.Chance(0.1))
            {
                WriteInteraction(rng, row, ref c, rng.Between(first, last), "complaint"u8, 0, DemoNames.ComplaintNotes);
            }

            if (rng.Chance(0.05))
            {
                var kind = rng.Chance(0.5) ? "return"u8 : "refund"u8;
                WriteInteraction(rng, row, ref c, rng.Between(first, last), kind, RoundTo(c.MeanInvoiceCents * rng.Uniform(0.05, 0.5), 1) + 1_00, DemoNames.ComplaintNotes);
            }
        }

        if (c.Archetype == DemoArchetype.Complainer)
        {
            var complaints = rng.Between(2, 6);
            for (var i = 0; i < complaints; i++)
            {
                WriteInteraction(rng, row, ref c, t - rng.Between(0, 89), "complaint"u8, 0, DemoNames.ComplaintNotes);
            }

            var disputes = rng.Between(1, 3);
            for (var i = 0; i < disputes; i++)
            {
                WriteInteraction(rng, row, ref c, t - rng.Between(0, 89), "dispute"u8, 0, DemoNames.DisputeNotes);
            }

            var broken = rng.Between(1, 3);
            for (var i = 0; i < broken; i++)
            {
                var promise = t - rng.Between(15, 179);
                WriteInteraction(rng, row, ref c, promise, "promise_to_pay"u8, RoundTo(c.MeanInvoiceCents, 1) + 1_00, DemoNames.PromiseNotes);
                WriteInteraction(rng, row, ref c, Math.Min(t, promise + rng.Between(7, 14)), "broken_promise"u8, 0, DemoNames.BrokenPromiseNotes);
            }
        }

        if (c.Archetype == DemoArchetype.Deteriorating && rng.Chance(0.3))
        {
            WriteInteraction(rng, row, ref c, t - rng.Between(0, 89), "bad_record"u8, 0, DemoNames.BadRecordNotes);
        }
    }

    private void WriteOrders(DemoRandom rng, ref CustomerState c, CsvRowBuffer row)
    {
        var t = _asOf;
        var seq = 0;
        var lastActive = c.Archetype == DemoArchetype.Churner ? c.StopDay : t;
        var first = Math.Max(c.Since, lastActive - 180);
        if (c.Archetype != DemoArchetype.NewCustomer || c.Invoices > 0)
        {
            var history = rng.Between(1, 4);
            for (var i = 0; i < history; i++)
            {
                var status = rng.Chance(0.85) ? "invoiced"u8 : "cancelled"u8;
                WriteOrder(rng, row, ref c, ++seq, rng.Between(first, lastActive), status);
            }
        }

        if (c.Archetype != DemoArchetype.Churner)
        {
            var open = c.Archetype == DemoArchetype.KeyAccount ? rng.Between(3, 12) : rng.Between(0, 3);
            for (var i = 0; i < open; i++)
            {
                WriteOrder(rng, row, ref c, ++seq, Math.Max(c.Since, t - rng.Between(0, 30)), "open"u8);
            }
        }
    }

    private void WriteOrder(DemoRandom rng, CsvRowBuffer row, ref CustomerState c, int seq, int day, ReadOnlySpan<byte> status)
    {
        row.Id("SO-"u8, c.Number, _idWidth, seq, 5);
        row.Id("C"u8, c.Number, _idWidth);
        row.Date(day);
        row.Cents(Math.Max(10_00, (long)Math.Round(c.MeanInvoiceCents * rng.LogNormal(1, 0.35))));
        row.Code(status);
        row.EndRow();
    }

    private void WriteFinancials(DemoRandom rng, ref CustomerState c, CsvRowBuffer row)
    {
        var chance = c.Archetype switch
        {
            DemoArchetype.KeyAccount => 1.0,
            DemoArchetype.Deteriorating => 0.7,
            DemoArchetype.NewCustomer => 0.3,
            _ => 0.5,
        };
        if (!rng.Chance(chance))
        {
            return;
        }

        // Yearly statements to 31 December, published about three months later; two or three years of them.
        var asOf = DateOnly.FromDayNumber(_asOf);
        var latestYear = asOf.Year - 1;
        if (new DateOnly(latestYear, 12, 31).DayNumber > _asOf - 90)
        {
            latestYear--;
        }

        var years = rng.Chance(0.3) ? 3 : 2;
        var revenue = c.MonthlyCents * 12 / rng.Uniform(0.02, 0.25);
        var growth = rng.Uniform(-0.05, 0.12);
        var margin = rng.Uniform(0.01, 0.09);
        var leverage = rng.Uniform(0.3, 0.75);
        for (var k = years - 1; k >= 0; k--)
        {
            var year = latestYear - k;
            var yearRevenue = revenue / (1 + growth * k);
            var yearMargin = margin;
            var yearLeverage = leverage;
            if (c.Archetype == DemoArchetype.Deteriorating && k == 0)
            {
                // The latest statement shows the trouble: a loss and debt piling up.
                yearMargin = -rng.Uniform(0.02, 0.12);
                yearLeverage = rng.Uniform(0.85, 1.1);
                yearRevenue *= rng.Uniform(0.75, 0.95);
            }

            var assets = yearRevenue * rng.Uniform(0.5, 1.2);
            row.Id("C"u8, c.Number, _idWidth);
            row.Date(new DateOnly(year, 12, 31).DayNumber);
            Figure(rng, row, yearRevenue);
            Figure(rng, row, yearRevenue * yearMargin);
            Figure(rng, row, assets);
            Figure(rng, row, assets * yearLeverage);
            Figure(rng, row, assets * rng.Uniform(0.35, 0.6));
            Figure(rng, row, assets * yearLeverage * rng.Uniform(0.4, 0.7));
            Figure(rng, row, yearRevenue * (yearMargin + rng.Uniform(0.0, 0.05)));
            row.EndRow();
        }
    }

    private static void Figure(DemoRandom rng, CsvRowBuffer row, double cents)
    {
        // Statements are in whole thousands; about one figure in twelve is missing.
        if (rng.Chance(0.08))
        {
            row.Empty();
        }
        else
        {
            row.Cents(RoundTo(cents, 1_000_00));
        }
    }

    private void WriteExpertScores(DemoRandom rng, ref CustomerState c, CsvRowBuffer row)
    {
        var chance = c.Archetype is DemoArchetype.Deteriorating or DemoArchetype.Complainer or DemoArchetype.KeyAccount ? 0.15 : 0.04;
        if (!rng.Chance(chance))
        {
            return;
        }

        var view = c.Archetype switch
        {
            DemoArchetype.PromptPayer => 4.4,
            DemoArchetype.KeyAccount => 4.0,
            DemoArchetype.SlowPayer => 3.4,
            DemoArchetype.NewCustomer or DemoArchetype.Churner => 3.0,
            DemoArchetype.ClaimHeavy => 2.8,
            DemoArchetype.Complainer => 2.4,
            _ => 2.0,
        };

        // Three to five of twelve experts, each scoring the four criteria twice; in round 2 each moves toward the
        // round-1 median they were shown (Delphi).
        Span<int> experts = stackalloc int[5];
        var count = rng.Between(3, 5);
        var picked = 0;
        while (picked < count)
        {
            var candidate = rng.Between(1, 12);
            if (!experts[..picked].Contains(candidate))
            {
                experts[picked++] = candidate;
            }
        }

        Span<int> first = stackalloc int[5 * 4];
        Span<int> sorted = stackalloc int[5];
        var round1 = _asOf - rng.Between(20, 40);
        var round2 = Math.Min(_asOf, round1 + rng.Between(7, 14));
        for (var criterion = 0; criterion < 4; criterion++)
        {
            var bias = criterion == 1 && c.Archetype == DemoArchetype.ClaimHeavy ? -0.8 : 0;
            for (var e = 0; e < count; e++)
            {
                first[e * 4 + criterion] = Score(view + bias + rng.Normal());
            }
        }

        for (var round = 1; round <= 2; round++)
        {
            for (var criterion = 0; criterion < 4; criterion++)
            {
                for (var e = 0; e < count; e++)
                {
                    sorted[e] = first[e * 4 + criterion];
                }

                sorted[..count].Sort();
                var median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2.0;
                for (var e = 0; e < count; e++)
                {
                    var score = first[e * 4 + criterion];
                    if (round == 2)
                    {
                        score = Score((score + median) / 2 + 0.3 * rng.Normal());
                    }

                    row.Id("C"u8, c.Number, _idWidth);
                    row.Integer(round);
                    row.Id("E"u8, experts[e], 2);
                    row.Date(round == 1 ? round1 : round2);
                    row.Code(Criteria[criterion]);
                    row.Integer(score);
                    row.EndRow();
                }
            }
        }
    }

    private static int Score(double value) => Math.Clamp((int)Math.Round(value), 1, 5);

    private void WriteBadRows(DemoRandom rng, ref CustomerState c, DemoChunk chunk)
    {
        // About one bad row per thousand: extra rows with their own keys, so the clean rows stay exactly as they
        // are without errors and only the bad ones land in the rejects files.
        const double rate = 0.001;
        if (rng.Chance(rate * 3))
        {
            var row = chunk.Customers;
            row.Id("C"u8, c.Number, _idWidth);
            row.Continue("X"u8);
            var kind = rng.Between(0, 2);
            row.Text(kind == 0 ? "" : "Broken Row Ltd");
            row.Text("Retail");
            row.Text("North");
            row.Empty();
            row.Empty();
            row.Empty();
            row.Code(kind == 1 ? "net 30"u8 : "30"u8);
            row.Code("equal"u8);
            if (kind == 2)
            {
                row.Code("2023-02-30"u8);
            }
            else
            {
                row.Date(c.Since);
            }

            row.EndRow();
            chunk.BadRows[DemoFiles.Customers]++;
        }

        var t = _asOf;
        for (var i = 0; i < c.Invoices; i++)
        {
            if (!rng.Chance(rate))
            {
                continue;
            }

            var issue = t - rng.Between(0, HistoryDays - 1);
            var amount = rng.Between(10_00, 5_000_00);
            var kind = rng.Between(0, 3);
            var row = chunk.Invoices;
            row.Id("INV-"u8, c.Number, _idWidth, i + 1, 5);
            row.Continue("-X"u8);
            if (kind == 2)
            {
                row.Id("Z"u8, c.Number, _idWidth);
            }
            else
            {
                row.Id("C"u8, c.Number, _idWidth);
            }

            if (kind == 0)
            {
                row.Code("31.12.2024"u8);
            }
            else
            {
                row.Date(issue);
            }

            row.Date(kind == 3 ? issue - rng.Between(1, 30) : issue + c.Terms);
            if (kind == 1)
            {
                row.Text(CommaAmount(amount));
            }
            else
            {
                row.Cents(amount);
            }

            row.Empty();
            row.EndRow();
            chunk.BadRows[DemoFiles.Invoices]++;
        }

        for (var i = 0; i < c.Payments; i++)
        {
            if (!rng.Chance(rate))
            {
                continue;
            }

            var amount = rng.Between(10_00, 5_000_00);
            var kind = rng.Between(0, 3);
            var row = chunk.Payments;
            row.Id("PAY-"u8, c.Number, _idWidth, i + 1, 5);
            row.Continue("-X"u8);
            if (kind == 2)
            {
                row.Id("Z"u8, c.Number, _idWidth);
            }
            else
            {
                row.Id("C"u8, c.Number, _idWidth);
            }

            if (kind == 0)
            {
                row.Code("2024-13-01"u8);
            }
            else
            {
                row.Date(t - rng.Between(0, HistoryDays - 1));
            }

            switch (kind)
            {
                case 1:
                    row.Text(CommaAmount(amount));
                    break;
                case 3:
                    row.Cents(-amount);
                    break;
                default:
                    row.Cents(amount);
                    break;
            }

            row.Empty();
            row.EndRow();
            chunk.BadRows[DemoFiles.Payments]++;
        }
    }

    // An amount with a decimal comma, as a spreadsheet in many locales writes it: "12,5".
    private static string CommaAmount(long cents) =>
        (cents / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + (cents % 100 / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long RoundTo(double cents, long unit) => (long)Math.Round(cents / unit) * unit;

    private static double[] Cumulative(params (DemoArchetype Archetype, double Share)[] shares)
    {
        var result = new double[shares.Length];
        var total = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            total += shares[i].Share;
            result[i] = total;
        }

        return result;
    }

    /// <summary>What is drawn for one customer and carried between its files.</summary>
    private struct CustomerState(int number, DemoArchetype archetype)
    {
        public readonly int Number = number;
        public readonly DemoArchetype Archetype = archetype;
        public PaymentHabit Habit;
        public int Terms;
        public int EarlyDays;
        public double UnnamedShare;
        public int Since;
        public int StopDay;
        public int ChangeDay;
        public bool LeavesDebt;
        public bool EarlyStage;
        public double MonthlyCents;
        public double InvoicesPerMonth;
        public double MeanInvoiceCents;
        public double ClaimChance;
        public double ClaimFraction;
        public int Invoices;
        public int Payments;
        public int InteractionSeq;
        public long RecentInvoiceCents;
        public int RecentInvoices;
    }
}
