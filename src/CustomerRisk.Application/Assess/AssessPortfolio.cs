using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Models;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Assess;

/// <summary>Assess the portfolio (or one customer) as of a date.</summary>
/// <param name="AsOf">Every figure is computed as of this date.</param>
/// <param name="CustomerId">Only this customer; null for all.</param>
/// <param name="Save">Whether to save the run and its results in the store.</param>
public sealed record AssessPortfolioRequest(DateOnly AsOf, string? CustomerId = null, bool Save = true);

/// <summary>The assessments, in customer_id order, and the portfolio figures.</summary>
public sealed record AssessPortfolioResult(AssessmentRun Run, IReadOnlyList<CustomerAssessment> Customers, PortfolioReport Portfolio)
{
    /// <summary>Each customer's assessment as UTF-8 JSON with <see cref="AssessPortfolio.Json"/>'s options, in the
    /// order of <see cref="Customers"/>, when the run made it (a saved run does: it is what the store keeps as the
    /// details); empty otherwise.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> CustomersJson { get; init; } = [];

    /// <summary>What the alert synchronisation saved with the run, when the run saved one; null otherwise.</summary>
    public SyncAlertsResult? Alerts { get; init; }

    /// <summary>Writes <see cref="Customers"/> as one JSON array (`crisk assess --format json`), the same bytes as
    /// serialising the list, from <see cref="CustomersJson"/> when the run made it.</summary>
    public async Task WriteJsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (CustomersJson.Count != Customers.Count)
        {
            await JsonSerializer.SerializeAsync(stream, Customers, AssessPortfolio.Json, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Gathered into large writes; the stream is left open (it may be standard output).
        var buffer = new byte[1 << 16];
        var used = 0;
        buffer[used++] = (byte)'[';
        for (var i = 0; i < CustomersJson.Count; i++)
        {
            var json = CustomersJson[i];
            if (used + json.Length + 2 > buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                used = 0;
            }

            if (i > 0)
            {
                buffer[used++] = (byte)',';
            }

            if (json.Length + 2 > buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(json, cancellationToken).ConfigureAwait(false);
                used = 0;
            }
            else
            {
                json.Span.CopyTo(buffer.AsSpan(used));
                used += json.Length;
            }
        }

        buffer[used++] = (byte)']';
        await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The assessment use case: indicators (spec/indicators.md), the A/B/C/D rating with the Delphi expert score
/// and the expert credit score (spec/rating.md), limits, warnings graded by the risk matrix, dunning, review dates and
/// expected loss (spec/operations.md) for every customer, in two passes: the first computes what each customer alone
/// decides, the second what needs the portfolio (revenue share, exposure share for the risk matrix).</summary>
public static class AssessPortfolio
{
    private const int BatchSize = 1024;
    private const int SaveChunkSize = 512;

    // A pool thread's buffer for the JSON of the chunk it completes (reused, never shrunk: about 1 MB).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_chunkJson;

    /// <summary>JSON options of the product's output: snake_case keys, nulls written, dates ISO.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    // scoreModel: the active trained model (docs/modeling.md), whose PD, score and reasons replace the expert
    // scorecard's; null scores with the expert scorecard. credit: the credit store, whose granted limits (the
    // effective limit on T) replace the imported credit_limit; null uses the imported credit_limit alone. operations:
    // the operations store, whose last review dates feed next_review and whose covers reduce the expected loss; null
    // plans reviews as never reviewed and computes the loss uncovered. alerts: with a saving run, the alert
    // register's synchronisation, saved in the run's transaction (RunAlertSync); null saves the run alone. phaseDone,
    // when given, is told when the first pass (read the ledger, compute) ends (the CLI's CRISK_PHASE_LOG).
    public static async Task<AssessPortfolioResult> HandleAsync(AssessPortfolioRequest request, IRiskStore store,
        CreditPolicy policy, TimeProvider clock, IProgress<int>? progress, CancellationToken cancellationToken,
        ICreditScoreModel? scoreModel = null, ICreditStore? credit = null, IOperationsStore? operations = null,
        Action<string>? phaseDone = null, PreparedAlertSync? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var indicatorPolicy = IndicatorPolicy.Default;
        var run = new AssessmentRun
        {
            RunId = Guid.NewGuid(),
            AsOf = request.AsOf,
            CreatedAt = clock.GetUtcNow(),
            PolicyVersion = policy.Version,
            ScoreModel = scoreModel?.Name ?? "expert_scorecard",
        };

        // Read while the ledger streams in; the first batch waits for it.
        var backgroundRead = Task.Run(() => CustomerBackground.ReadAsync(store, credit, operations, request, cancellationToken), cancellationToken);
        CustomerBackground? background = null;
        var firstPass = new List<FirstPass>();
        var portfolio = new PortfolioAccumulator(request.AsOf, indicatorPolicy);
        using var workspaces = new ThreadLocal<IndicatorWorkspace>(() => new IndicatorWorkspace());
        // Nothing of a batch's ledger lines is kept past its Compute, so the store may reuse their memory.
        await foreach (var batch in store.ReadLedgerBatchesAsync(request.AsOf, request.CustomerId, BatchSize, cancellationToken)
                           .ConfigureAwait(false))
        {
            background ??= await backgroundRead.ConfigureAwait(false);
            Compute(batch, request.AsOf, indicatorPolicy, policy, background, workspaces, firstPass, portfolio, scoreModel);
            progress?.Report(firstPass.Count);
        }

        background ??= await backgroundRead.ConfigureAwait(false);
        phaseDone?.Invoke("first pass: read ledger, compute");
        if (request.CustomerId is not null && firstPass.Count == 0)
        {
            throw new KeyNotFoundException($"No customer '{request.CustomerId}' in the store.");
        }

        var totals = portfolio.Complete();
        // An array whose entries the second pass drops as it completes them: what the collector can free early.
        var pending = firstPass.ToArray();
        firstPass.Clear();
        var assessments = new CustomerAssessment[pending.Length];
        if (!request.Save)
        {
            Parallel.For(0, pending.Length, i =>
            {
                assessments[i] = Complete(pending[i], totals, policy, request.AsOf, background);
                pending[i] = null!;
            });
            return new AssessPortfolioResult(run, assessments, Report(totals, assessments));
        }

        var grades = new Grade[pending.Length];
        for (var i = 0; i < grades.Length; i++)
        {
            grades[i] = pending[i].Rating.Grade;
        }

        // Each assessment is serialised once, to UTF-8: saved as the details and printed by `--format json` from the
        // same bytes. The store writes on one thread, so chunks of customers are completed and serialised on the
        // thread pool, in order, while it writes the chunks before them (it waits for a chunk not yet done). A chunk's
        // JSON is kept in one array of its own (about 0.8 MB, allocated uninitialised in the large-object heap), not
        // one small array per customer: 166 MB of small arrays that live to the end were copied from generation to
        // generation by every collection.
        var json = new ReadOnlyMemory<byte>[pending.Length];
        var chunks = new Task[(pending.Length + SaveChunkSize - 1) / SaveChunkSize];
        for (var k = 0; k < chunks.Length; k++)
        {
            var start = k * SaveChunkSize;
            var end = Math.Min(start + SaveChunkSize, pending.Length);
            chunks[k] = Task.Factory.StartNew(() => CompleteChunk(start, end), cancellationToken, TaskCreationOptions.PreferFairness,
                TaskScheduler.Default);
        }

        void CompleteChunk(int start, int end)
        {
            var buffer = t_chunkJson ??= new ArrayBufferWriter<byte>(1 << 20);
            buffer.ResetWrittenCount();
            var ends = new int[end - start];
            using (var writer = new Utf8JsonWriter(buffer))
            {
                for (var i = start; i < end; i++)
                {
                    assessments[i] = Complete(pending[i], totals, policy, request.AsOf, background);
                    pending[i] = null!;
                    AssessmentJson.Serialize(writer, assessments[i]);
                    writer.Flush();
                    writer.Reset();
                    ends[i - start] = buffer.WrittenCount;
                }
            }

            var block = GC.AllocateUninitializedArray<byte>(buffer.WrittenCount);
            buffer.WrittenSpan.CopyTo(block);
            var offset = 0;
            for (var i = start; i < end; i++)
            {
                json[i] = block.AsMemory(offset, ends[i - start] - offset);
                offset = ends[i - start];
            }
        }

        SyncAlertsResult? alertsSaved = null;
        try
        {
            var records = new RecordList(assessments, grades, json, run.RunId, chunks);
            if (alerts is null)
            {
                await store.SaveAssessmentsAsync(run, records, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The store reads every record before it plans the alerts: by then every assessment is complete.
                alertsSaved = await store.SaveAssessmentsAsync(run, records, alerts.For(assessments), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Let the chunks still running end before the failure goes up; theirs, if any, is the same or follows it.
            await Task.WhenAny(Task.WhenAll(chunks)).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(chunks).ConfigureAwait(false);
        return new AssessPortfolioResult(run, assessments, Report(totals, assessments)) { CustomersJson = json, Alerts = alertsSaved };
    }

    private static void Compute(IReadOnlyList<CustomerLedger> batch, DateOnly asOf, IndicatorPolicy indicatorPolicy,
        CreditPolicy policy, CustomerBackground background,
        ThreadLocal<IndicatorWorkspace> workspaces, List<FirstPass> results, PortfolioAccumulator portfolio,
        ICreditScoreModel? scoreModel)
    {
        var computed = new FirstPass[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var ledger = batch[i];
            var workspace = workspaces.Value!;
            var now = IndicatorCalculator.Compute(ledger, asOf, indicatorPolicy, workspace);
            // The DSO warning compares with the same figure 90 days earlier (spec/operations.md): only that figure.
            var dsoEarlier = IndicatorCalculator.DsoAsOf(ledger, asOf.AddDays(-90), indicatorPolicy, workspace);
            var id = ledger.Customer.CustomerId;
            var limit = background.Limit(id, ledger.Customer.CreditLimit, asOf).Amount;
            computed[i] = Decide(ledger, now, dsoEarlier, background.PreviousGrade(id), background.Experts(id), limit, asOf, policy, scoreModel);
        });
        foreach (var item in computed)
        {
            results.Add(item);
            portfolio.Add(item.Indicators);
        }
    }

    private static FirstPass Decide(CustomerLedger ledger, CustomerIndicators now, decimal? dso90DaysEarlier,
        Grade? previousGrade, CustomerDelphiSummary? experts, decimal? limit, DateOnly asOf, CreditPolicy policy, ICreditScoreModel? scoreModel)
    {
        var customer = ledger.Customer;
        var rating = RatingEngine.Rate(
            new RatingInputs(now.NetCollectionRate, now.MaxDaysLate, customer.ProductFocus, now.InvoicesDueInWindow,
                experts?.ExpertScore), policy);
        // limit: the effective limit on T (a granted 0 is a limit of 0, which no exposure fits: no utilisation figure).
        var utilisation = limit is { } l and > 0m ? now.Exposure / l : (decimal?)null;
        var invoices = ledger.Invoices.Span;
        DateOnly? firstInvoice = null;
        foreach (var invoice in invoices)
        {
            if (invoice.IssueDate <= asOf && (firstInvoice is null || invoice.IssueDate < firstInvoice))
            {
                firstInvoice = invoice.IssueDate;
            }
        }

        var inputs = new ScoreInputs
        {
            NetCollectionRate = now.NetCollectionRate,
            MaxDaysLate = now.MaxDaysLate,
            PaymentDelayRate = now.PaymentDelayRate,
            OverdueShare = now.OpenAr > 0m ? now.OverdueAr / now.OpenAr : null,
            OldestDpd = now.OldestDaysPastDue,
            Utilisation = utilisation,
            Sales12m = now.Sales12m,
            AnnualRevenue = customer.AnnualRevenue,
            HistoryMonths = ScoreInputs.MonthsOfHistory(customer.CustomerSince, firstInvoice, asOf),
            Complaints90d = now.Complaints90d,
            BrokenPromises180d = now.BrokenPromises180d,
        };
        var score = scoreModel?.Score(ledger, now, inputs, policy) ?? CreditScorer.Score(inputs, policy, explain: false);
        // The run shows the limit, not how it was reached: no calculation log (a dozen lines of text per customer).
        var recommendation = CreditLimits.Recommend(new LimitInputs(rating.Grade, now.Sales12m, customer.AnnualRevenue), policy, explain: false);
        // Kept until the second pass for 100,000 customers: the score's figures and reason texts, not its factor list.
        var reasons = score.Reasons;
        var reasonTexts = reasons.Count == 0 ? [] : new string[reasons.Count];
        for (var i = 0; i < reasonTexts.Length; i++)
        {
            reasonTexts[i] = reasons[i].Text;
        }

        return new FirstPass(customer, now, dso90DaysEarlier, previousGrade, experts, rating,
            new ScoreOutcome(score.Score, score.Pd, score.Source, reasonTexts), recommendation, limit, utilisation);
    }

    private static CustomerAssessment Complete(FirstPass first, PortfolioIndicators totals, CreditPolicy policy, DateOnly asOf,
        CustomerBackground background)
    {
        var now = first.Indicators;
        var revenueShare = totals.RevenueShare(now.Sales12m);
        var risk = RiskMatrix.Assess(first.Score.Pd, totals.ExposureShare(now.Exposure) ?? 0m, policy);
        var firings = EarlyWarning.Evaluate(new WarningInputs
        {
            GradeNow = first.Rating.Grade,
            GradePrevious = first.PreviousGrade,
            ExpertScore = first.Experts?.ExpertScore,
            OverdueShare = now.OpenAr > 0m ? now.OverdueAr / now.OpenAr : null,
            OldestDpd = now.OldestDaysPastDue,
            Utilisation = first.Utilisation,
            FrequencyChange = now.FrequencyChange,
            Dormant = now.Dormant,
            DsoNow = now.Dso,
            Dso90DaysEarlier = first.Dso90DaysEarlier,
            RevenueShare = revenueShare,
            Complaints90d = now.Complaints90d,
            BrokenPromises180d = now.BrokenPromises180d,
        }, policy);
        var severity = risk.Severity.ToCode();
        var alerts = firings.Count == 0 ? [] : new AlertOutput[firings.Count];
        for (var i = 0; i < alerts.Length; i++)
        {
            var f = firings[i];
            alerts[i] = new AlertOutput(f.RuleId, severity, Round(f.Value, 4), f.Threshold, f.Message);
        }

        var review = ReviewSchedule.Plan(
            new ReviewInputs(first.Rating.Grade, first.PreviousGrade, background.LastReview(first.Customer.CustomerId), first.Customer.CustomerSince,
                alerts.Length > 0 && risk.Severity == Severity.Extreme),
            asOf, policy);
        var dunning = Dunning.LevelFor(now.OldestDaysPastDue, policy);
        var loss = ExpectedLoss.Compute(first.Score.Pd, now.Exposure, background.Covers(first.Customer.CustomerId), asOf, policy, explain: false);
        var aging = now.Aging;
        return new CustomerAssessment
        {
            CustomerId = first.Customer.CustomerId,
            Name = first.Customer.Name,
            AsOf = asOf,
            Grade = first.Rating.Grade.ToCode(),
            GradeComponents = new GradeComponents(first.Rating.Collection?.ToCode(), first.Rating.Timeliness?.ToCode(), first.Rating.Focus?.ToCode()),
            Vetoed = first.Rating.Vetoed,
            ExpertScore = first.Experts?.ExpertScore,
            Delphi = DelphiOutput.From(first.Experts),
            CreditScore = (int)Math.Round(first.Score.Score, MidpointRounding.AwayFromZero),
            Pd = Round(first.Score.Pd, 6),
            ScoreModel = first.Score.Source,
            ScoreReasons = first.Score.ReasonTexts,
            OpenAr = Money(now.OpenAr),
            OverdueAr = Money(now.OverdueAr),
            UnappliedCredit = Money(now.UnappliedCredit),
            Aging = ToOutput(aging),
            Sales12m = Money(now.Sales12m),
            ArTurnover = Round(now.ArTurnover, 4),
            Dso = Round(now.Dso, 2),
            NetCollectionRate = Round(now.NetCollectionRate, 6),
            MaxDaysLate = now.MaxDaysLate,
            AvgDaysLate = Round(now.AvgDaysLate, 2),
            PaymentDelayRate = Round(now.PaymentDelayRate, 6),
            OnTimeRate = Round(now.OnTimeRate, 6),
            FrequencyChange = Round(now.FrequencyChange, 6),
            AmountChange = Round(now.AmountChange, 6),
            DaysSinceLastInvoice = now.DaysSinceLastInvoice,
            TypicalInterval = Round(now.TypicalInterval, 2),
            Dormant = now.Dormant,
            Complaints90d = now.Complaints90d,
            Disputes90d = now.Disputes90d,
            BrokenPromises180d = now.BrokenPromises180d,
            ClaimRate12m = Round(now.ClaimRate12m, 6),
            RevenueShare = Round(revenueShare, 6),
            Exposure = Money(now.Exposure),
            CreditLimit = first.GrantedLimit is { } granted ? Money(granted) : null,
            RecommendedLimit = Money(first.Limit.Limit),
            TermsDays = first.Limit.TermsDays,
            Requirement = first.Limit.Requirement,
            Utilisation = Round(first.Utilisation, 4),
            OldestDaysPastDue = now.OldestDaysPastDue,
            DunningLevel = dunning.Level.ToCode(),
            NextReview = review.NextReview,
            ReviewDue = review.Due,
            ExpectedLoss = Money(loss.ExpectedLoss),
            RiskSeverity = severity,
            Alerts = alerts,
            PolicyVersion = policy.Version,
        };
    }

    private static PortfolioReport Report(PortfolioIndicators totals, CustomerAssessment[] assessments)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["A"] = 0, ["B"] = 0, ["C"] = 0, ["D"] = 0, ["N"] = 0 };
        var expectedLoss = 0m;
        var alerts = 0;
        foreach (var assessment in assessments)
        {
            counts[assessment.Grade]++;
            expectedLoss += assessment.ExpectedLoss;
            alerts += assessment.Alerts.Count;
        }

        return new PortfolioReport
        {
            AsOf = totals.AsOf,
            Customers = totals.Customers,
            OpenAr = Money(totals.OpenAr),
            OverdueAr = Money(totals.OverdueAr),
            Aging = ToOutput(totals.Aging),
            Sales12m = Money(totals.Sales12m),
            Dso = Round(totals.Dso, 2),
            Hhi = Round(totals.Hhi, 6),
            Top5Share = Round(totals.Top5Share, 6),
            Top10Share = Round(totals.Top10Share, 6),
            ChurnRate = Round(totals.ChurnRate, 6),
            GradeCounts = counts,
            Exposure = Money(totals.Exposure),
            ExpectedLoss = expectedLoss,
            OpenAlerts = alerts,
        };
    }

    /// <summary>The records to save, made one at a time as the store reads them, with the details as the UTF-8 bytes
    /// already serialised (no UTF-16 copy). Reading one waits for its chunk to be completed and serialised.</summary>
    private sealed class RecordList(CustomerAssessment[] assessments, Grade[] grades, ReadOnlyMemory<byte>[] json, Guid runId, Task[] chunks)
        : IReadOnlyList<AssessmentRecord>
    {
        public int Count => assessments.Length;

        public AssessmentRecord this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var chunk = chunks[index / SaveChunkSize];
                if (!chunk.IsCompletedSuccessfully)
                {
                    // Runs the chunk on this thread when no pool thread has started it yet; rethrows its failure.
                    chunk.GetAwaiter().GetResult();
                }

                var assessment = assessments[index];
                return new AssessmentRecord
                {
                    CustomerId = assessment.CustomerId,
                    AsOf = assessment.AsOf,
                    RunId = runId,
                    Grade = grades[index],
                    CreditScore = assessment.CreditScore,
                    Pd = assessment.Pd,
                    OpenAr = assessment.OpenAr,
                    OverdueAr = assessment.OverdueAr,
                    Exposure = assessment.Exposure,
                    Dso = assessment.Dso,
                    ExpectedLoss = assessment.ExpectedLoss,
                    DetailsUtf8 = json[index],
                };
            }
        }

        public IEnumerator<AssessmentRecord> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static AgingOutput ToOutput(AgingBuckets aging) => new(Money(aging.Current), Money(aging.D1To30),
        Money(aging.D31To60), Money(aging.D61To90), Money(aging.D91To180), Money(aging.D181Plus));

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal? Money(decimal? value) => value is { } v ? Money(v) : null;

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Round(v, decimals) : null;

    private sealed record FirstPass(Customer Customer, CustomerIndicators Indicators, decimal? Dso90DaysEarlier,
        Grade? PreviousGrade, CustomerDelphiSummary? Experts, RatingResult Rating, ScoreOutcome Score, LimitRecommendation Limit,
        decimal? GrantedLimit, decimal? Utilisation);

    /// <summary>What the second pass reads of a credit score (<see cref="CreditScoreResult"/> without its factors).</summary>
    private sealed record ScoreOutcome(decimal Score, decimal Pd, string Source, string[] ReasonTexts);
}
