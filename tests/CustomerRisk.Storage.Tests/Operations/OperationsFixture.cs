using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>A migrated test store with its operations store, and builders of assessments as `crisk assess` makes them.</summary>
public sealed class OperationsFixture : IAsyncDisposable
{
    private OperationsFixture(TestStore test)
    {
        Test = test;
        Operations = OperationsStoreFactory.Open(test.Db, test.Clock);
        Credit = CreditStoreFactory.Open(test.Db, test.Clock);
    }

    /// <summary>The credit store on the same database: the audit trail, grants and policies.</summary>
    public ICreditStore Credit { get; }

    public TestStore Test { get; }

    public IOperationsStore Operations { get; }

    public static async Task<OperationsFixture> CreateAsync(string provider, TimeProvider? clock = null) =>
        new(await TestStore.CreateAsync(provider, clock));

    public async Task ImportAsync(IReadOnlyList<Customer> customers, IReadOnlyList<Payment>? payments = null, IReadOnlyList<ExpertScore>? scores = null)
    {
        await using var session = await Test.Store.BeginImportAsync();
        await session.UpsertCustomersAsync(customers);
        if (payments is not null)
        {
            await session.UpsertPaymentsAsync(payments);
        }

        if (scores is not null)
        {
            await session.UpsertExpertScoresAsync(scores);
        }

        await session.CommitAsync();
    }

    /// <summary>Saves assessments as one run, as `crisk assess` does.</summary>
    public Task SaveAsync(params CustomerAssessment[] assessments)
    {
        var run = RunOf(assessments);
        return Test.Store.SaveAssessmentsAsync(run, Records(run, assessments));
    }

    /// <summary>Saves assessments as one run with the alert synchronisation in its transaction, as `crisk assess` does.</summary>
    public Task<SyncAlertsResult> SaveWithAlertsAsync(RunAlertSync alerts, params CustomerAssessment[] assessments)
    {
        var run = RunOf(assessments);
        return Test.Store.SaveAssessmentsAsync(run, Records(run, assessments), alerts);
    }

    private static AssessmentRun RunOf(CustomerAssessment[] assessments) => new()
    {
        RunId = Guid.NewGuid(),
        AsOf = assessments[0].AsOf,
        CreatedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
        PolicyVersion = assessments[0].PolicyVersion,
        ScoreModel = "expert_scorecard",
    };

    private static AssessmentRecord[] Records(AssessmentRun run, CustomerAssessment[] assessments) => assessments.Select(a => new AssessmentRecord
    {
        CustomerId = a.CustomerId,
        AsOf = a.AsOf,
        RunId = run.RunId,
        Grade = Enum.Parse<Grade>(a.Grade),
        CreditScore = a.CreditScore,
        Pd = a.Pd,
        OpenAr = a.OpenAr,
        OverdueAr = a.OverdueAr,
        Exposure = a.Exposure,
        Dso = a.Dso,
        ExpectedLoss = a.ExpectedLoss,
        Details = JsonSerializer.Serialize(a, AssessPortfolio.Json),
    }).ToArray();

    public static CustomerAssessment Assessment(string customer, string asOf, string grade = "B", decimal pd = 0.05m,
        decimal overdue = 0m, decimal exposure = 10_000m, int oldestDpd = 0, string severity = "medium",
        decimal sales12m = 120_000m, params AlertOutput[] alerts) => new()
    {
        CustomerId = customer,
        Name = customer + " Ltd",
        AsOf = Rows.D(asOf),
        Grade = grade,
        GradeComponents = new GradeComponents("B", "B", null),
        Vetoed = false,
        CreditScore = 600,
        Pd = pd,
        ScoreModel = "expert_scorecard",
        ScoreReasons = [],
        OpenAr = exposure,
        OverdueAr = overdue,
        Aging = new AgingOutput(exposure - overdue, overdue, 0m, 0m, 0m, 0m),
        Sales12m = sales12m,
        Exposure = exposure,
        RecommendedLimit = 0m,
        Requirement = "none",
        OldestDaysPastDue = oldestDpd,
        DunningLevel = "none",
        RiskSeverity = severity,
        Alerts = alerts,
        PolicyVersion = "test",
    };

    public static AlertOutput Firing(string rule, decimal value, decimal? threshold, string severity = "medium", string? metric = null) =>
        new(rule, severity, value, threshold, $"{rule}: {metric ?? rule} {value} gt {threshold}");

    public async ValueTask DisposeAsync()
    {
        await Operations.DisposeAsync();
        await Credit.DisposeAsync();
        await Test.DisposeAsync();
    }
}
