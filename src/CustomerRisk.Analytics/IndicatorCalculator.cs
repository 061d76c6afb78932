using CustomerRisk.Domain;

namespace CustomerRisk.Analytics;

/// <summary>Computes a customer's indicators (spec/indicators.md) from its ledger, an as-of date and a policy. A pure
/// function: records dated after the as-of date are ignored and nothing reads the clock. Thread-safe as long as each
/// thread uses its own <see cref="IndicatorWorkspace"/>.</summary>
public static class IndicatorCalculator
{
    /// <summary>Computes the indicators with a fresh workspace (convenient; allocates scratch buffers).</summary>
    /// <exception cref="ArgumentException">The policy or the ledger is invalid.</exception>
    public static CustomerIndicators Compute(CustomerLedger ledger, DateOnly asOf, IndicatorPolicy policy) =>
        Compute(ledger, asOf, policy, new IndicatorWorkspace());

    /// <summary>Computes the indicators reusing <paramref name="workspace"/>'s buffers; in a loop over customers this
    /// allocates only the result.</summary>
    /// <param name="ledger">The customer's ledger, sorted as <see cref="CustomerLedger"/> says.</param>
    /// <param name="asOf">The as-of date T.</param>
    /// <param name="policy">Windows, aging edges and settle tolerance; validated on first use with a workspace.</param>
    /// <param name="workspace">Scratch buffers; one per thread.</param>
    /// <exception cref="ArgumentException">The policy is invalid; or an invoice, payment or claim breaks the
    /// ledger's rules (amounts &gt; 0, due date not before issue date, sort order, invoice index in range).</exception>
    public static CustomerIndicators Compute(CustomerLedger ledger, DateOnly asOf, IndicatorPolicy policy, IndicatorWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.EnsureValidated(policy);

        var t = asOf.DayNumber;
        var invoices = ledger.Invoices.Span;
        var remaining = workspace.Remaining(invoices.Length);
        var settledDay = workspace.SettledDay(invoices.Length);
        var unappliedCredit = CashApplication.ApplyCore(ledger, t, policy.SettleTolerance, remaining, settledDay, workspace);

        // Every window is (start, t]: a day d is inside when start < d <= t.
        var windowStart = t - policy.ReviewWindowDays;
        var priorStart = windowStart - policy.PriorWindowDays;
        var recentStart = t - policy.RecentWindowDays;
        var priorBehaviourStart = recentStart - policy.PriorBehaviourWindowDays;
        var intervalStart = t - policy.IntervalLookbackDays;
        var edges = policy.AgingBucketEdges;
        int edge0 = edges[0], edge1 = edges[1], edge2 = edges[2], edge3 = edges[3], edge4 = edges[4];

        decimal openAr = 0m, overdueAr = 0m, sales = 0m;
        decimal current = 0m, d1To30 = 0m, d31To60 = 0m, d61To90 = 0m, d91To180 = 0m, d181Plus = 0m;
        decimal dueAmount = 0m, dueUnpaid = 0m, lateWeighted = 0m, recentAmount = 0m, priorAmount = 0m;
        int dueCount = 0, lateCount = 0, maxLate = 0, oldestDpd = 0, recentCount = 0, priorCount = 0;
        var lastIssue = int.MinValue;
        bool inWindow = false, inPriorWindow = false;
        var intervalDays = workspace.Days(invoices.Length);
        var intervalCount = 0;

        for (var i = 0; i < invoices.Length; i++)
        {
            var settled = settledDay[i];
            if (settled == CashApplication.NotIssued)
            {
                continue;
            }

            ref readonly var invoice = ref invoices[i];
            var issue = invoice.IssueDate.DayNumber;
            var due = invoice.DueDate.DayNumber;
            var amount = invoice.Amount;

            if (issue > lastIssue)
            {
                lastIssue = issue;
            }

            if (issue > windowStart)
            {
                sales += amount;
                inWindow = true;
            }
            else if (issue > priorStart)
            {
                inPriorWindow = true;
            }

            if (issue > recentStart)
            {
                recentCount++;
                recentAmount += amount;
            }
            else if (issue > priorBehaviourStart)
            {
                priorCount++;
                priorAmount += amount;
            }

            if (issue > intervalStart)
            {
                intervalDays[intervalCount++] = issue;
            }

            int late;
            if (settled == CashApplication.Open)
            {
                var dpd = t - due;
                if (dpd < 0)
                {
                    dpd = 0;
                }

                late = dpd;
                var open = remaining[i];
                openAr += open;
                if (dpd > 0)
                {
                    overdueAr += open;
                }

                if (dpd > oldestDpd)
                {
                    oldestDpd = dpd;
                }

                if (dpd <= edge0) { current += open; }
                else if (dpd <= edge1) { d1To30 += open; }
                else if (dpd <= edge2) { d31To60 += open; }
                else if (dpd <= edge3) { d61To90 += open; }
                else if (dpd <= edge4) { d91To180 += open; }
                else { d181Plus += open; }
            }
            else
            {
                late = settled - due;
            }

            if (due > windowStart && due <= t)
            {
                dueCount++;
                dueAmount += amount;

                // What was not applied: the open amount, or the written-off remainder of a settled invoice.
                var unpaid = remaining[i];
                if (!DecimalBits.IsZero(unpaid))
                {
                    dueUnpaid += unpaid;
                }

                if (late > 0)
                {
                    lateCount++;
                    lateWeighted += late * amount;
                    if (late > maxLate)
                    {
                        maxLate = late;
                    }
                }
            }
        }

        var claims = 0m;
        var claimLines = ledger.Claims.Span;
        for (var c = 0; c < claimLines.Length; c++)
        {
            ref readonly var claim = ref claimLines[c];
            if (!DecimalBits.IsAboveZero(claim.Amount))
            {
                throw new ArgumentException(
                    $"Customer {ledger.Customer?.CustomerId ?? "(unknown)"}: claim {c} has amount {claim.Amount}; a claim amount must be greater than 0.",
                    nameof(ledger));
            }

            var day = claim.ClaimDate.DayNumber;
            if (day > windowStart && day <= t)
            {
                claims += claim.Amount;
            }
        }

        var openOrders = 0m;
        foreach (ref readonly var order in ledger.Orders.Span)
        {
            if (order.Status == OrderStatus.Open && order.OrderDate.DayNumber <= t)
            {
                openOrders += order.Amount;
            }
        }

        int complaints = 0, disputes = 0, brokenPromises = 0;
        var complaintsStart = t - policy.ComplaintsWindowDays;
        var promisesStart = t - policy.BrokenPromisesWindowDays;
        foreach (ref readonly var interaction in ledger.Interactions.Span)
        {
            var day = interaction.Date.DayNumber;
            if (day > t)
            {
                continue;
            }

            switch (interaction.Type)
            {
                case InteractionType.Complaint when day > complaintsStart:
                    complaints++;
                    break;
                case InteractionType.Dispute when day > complaintsStart:
                    disputes++;
                    break;
                case InteractionType.BrokenPromise when day > promisesStart:
                    brokenPromises++;
                    break;
            }
        }

        // The recent window is 3 months by definition, so a month is RecentWindowDays / 3 days (91 / 3 by default)
        // and the prior window holds 3 × prior / recent of them (exactly 9 by default).
        var priorMonths = 3m * policy.PriorBehaviourWindowDays / policy.RecentWindowDays;
        decimal? delayRate = dueCount == 0 ? null : (decimal)lateCount / dueCount;
        var typicalInterval = MedianInterval(intervalDays[..intervalCount]);
        int? daysSinceLast = lastIssue == int.MinValue ? null : t - lastIssue;

        return new CustomerIndicators
        {
            CustomerId = ledger.Customer.CustomerId,
            AsOf = asOf,
            OpenAr = openAr,
            OverdueAr = overdueAr,
            UnappliedCredit = unappliedCredit,
            Aging = new AgingBuckets(current, d1To30, d31To60, d61To90, d91To180, d181Plus),
            Sales12m = sales,
            ArTurnover = openAr == 0m ? null : sales / openAr,
            Dso = openAr == 0m ? 0m : sales == 0m ? null : policy.ReviewWindowDays * openAr / sales,
            NetCollectionRate = dueCount == 0 ? null : (dueAmount - dueUnpaid - claims) / dueAmount,
            MaxDaysLate = dueCount == 0 ? null : maxLate,
            AvgDaysLate = dueCount == 0 ? null : lateWeighted / dueAmount,
            PaymentDelayRate = delayRate,
            OnTimeRate = 1m - delayRate,
            Invoices3m = recentCount,
            InvoicesPrior9mMonthly = priorCount / priorMonths,
            FrequencyChange = priorCount == 0 ? null : recentCount * priorMonths / (3m * priorCount) - 1m,
            AmountChange = priorAmount == 0m ? null : recentAmount * priorMonths / (3m * priorAmount) - 1m,
            DaysSinceLastInvoice = daysSinceLast,
            TypicalInterval = typicalInterval,
            Dormant = daysSinceLast is null ? null : daysSinceLast.Value > Math.Max(2m * (typicalInterval ?? 0m), 30m),
            Complaints90d = complaints,
            Disputes90d = disputes,
            BrokenPromises180d = brokenPromises,
            ClaimRate12m = sales == 0m ? null : claims / sales,
            Claims12m = claims,
            OpenOrders = openOrders,
            Exposure = openAr + openOrders,
            OldestDaysPastDue = oldestDpd,
            InvoicesDueInWindow = dueCount,
            HasInvoiceInWindow = inWindow,
            HasInvoiceInPriorWindow = inPriorWindow,
        };
    }

    /// <summary>The customer's DSO alone as of <paramref name="asOf"/>: 365 × open_ar / sales_12m (the review window's
    /// length in days), 0 when open AR is 0, null when sales are 0 — exactly <see cref="CustomerIndicators.Dso"/> of
    /// <see cref="Compute(CustomerLedger, DateOnly, IndicatorPolicy, IndicatorWorkspace)"/> at that date, for about the
    /// cost of the cash application alone. The early-warning rule on DSO needs the figure 90 days earlier, and
    /// nothing else of that date.</summary>
    /// <param name="ledger">The customer's ledger, sorted as <see cref="CustomerLedger"/> says.</param>
    /// <param name="asOf">The date the DSO is computed as of.</param>
    /// <param name="policy">The review window and the settle tolerance.</param>
    /// <param name="workspace">Scratch buffers; one per thread.</param>
    /// <returns>Days of sales outstanding, 0 or more, or null.</returns>
    /// <exception cref="ArgumentException">As <see cref="Compute(CustomerLedger, DateOnly, IndicatorPolicy, IndicatorWorkspace)"/>.</exception>
    public static decimal? DsoAsOf(CustomerLedger ledger, DateOnly asOf, IndicatorPolicy policy, IndicatorWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.EnsureValidated(policy);

        var t = asOf.DayNumber;
        var invoices = ledger.Invoices.Span;
        var remaining = workspace.Remaining(invoices.Length);
        var settledDay = workspace.SettledDay(invoices.Length);
        CashApplication.ApplyCore(ledger, t, policy.SettleTolerance, remaining, settledDay, workspace);

        // The same sums in the same (ledger) order as Compute, so the result is the same decimal to the last digit.
        var windowStart = t - policy.ReviewWindowDays;
        decimal openAr = 0m, sales = 0m;
        for (var i = 0; i < invoices.Length; i++)
        {
            var settled = settledDay[i];
            if (settled == CashApplication.NotIssued)
            {
                continue;
            }

            if (invoices[i].IssueDate.DayNumber > windowStart)
            {
                sales += invoices[i].Amount;
            }

            if (settled == CashApplication.Open)
            {
                openAr += remaining[i];
            }
        }

        return openAr == 0m ? 0m : sales == 0m ? null : policy.ReviewWindowDays * openAr / sales;
    }

    /// <summary>The median gap between consecutive issue days; null with fewer than 3 invoices. Sorts in place.</summary>
    private static decimal? MedianInterval(Span<int> issueDays)
    {
        if (issueDays.Length < 3)
        {
            return null;
        }

        // Ledger order is by due date, so issue days are nearly sorted: insertion sort is close to linear here.
        InsertionSort(issueDays);
        var gaps = issueDays[..^1];
        for (var i = 0; i < gaps.Length; i++)
        {
            gaps[i] = issueDays[i + 1] - issueDays[i];
        }

        gaps.Sort();
        var middle = gaps.Length / 2;
        return gaps.Length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2m;
    }

    private static void InsertionSort(Span<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }
    }
}
