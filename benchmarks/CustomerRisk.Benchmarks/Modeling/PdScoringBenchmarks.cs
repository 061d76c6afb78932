using BenchmarkDotNet.Attributes;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Models;
using CustomerRisk.Domain;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Policy;

namespace CustomerRisk.Benchmarks.Modeling;

/// <summary>The customer PD model's scoring in `assess`, per customer: the 33 PD inputs filled from the indicators and
/// a 300-tree boosted model bound to them (inputs + PD: budget 0 bytes), and the whole <c>Score</c> with the result
/// record and its reasons. Run: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter
/// '*PdScoringBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
public class PdScoringBenchmarks
{
    private TrainedScoreModel _model = null!;
    private CustomerLedger _ledger = null!;
    private CustomerIndicators _now = null!;
    private ScoreInputs _inputs = null!;
    private double[] _values = [];
    private double[] _row = [];

    /// <summary>Trains a model on made-up rows of three PD inputs and binds it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        const int n = 20_000;
        var late = new double[n];
        var dpd = new double[n];
        var sales = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            late[i] = random.Next(0, 120);
            dpd[i] = random.Next(0, 80);
            sales[i] = random.Next(1_000, 500_000);
            y[i] = random.NextDouble() < 0.01 + (late[i] / 300) + (dpd[i] / 400) ? 1 : 0;
        }

        var table = new ModelingTable([
            TableColumn.Numeric("max_days_late", late), TableColumn.Numeric("oldest_dpd", dpd),
            TableColumn.Numeric("sales_12m", sales), TableColumn.Numeric("default_12m", y),
        ]);
        var outcome = ModelTrainer.Train(table, new TrainingRequest
        {
            Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "default_12m", Trees = 300, EarlyStoppingRounds = 0, Threads = 2,
        }, DateTimeOffset.UnixEpoch);
        _model = new TrainedScoreModel(outcome.Model, outcome.Provenance.ModelId, 1);

        var invoices = new List<InvoiceLine>();
        var payments = new List<PaymentLine>();
        var start = new DateOnly(2023, 1, 5);
        for (var m = 0; m < 24; m++)
        {
            var issue = start.AddMonths(m);
            invoices.Add(new InvoiceLine(issue, issue.AddDays(30), 1000m));
            payments.Add(new PaymentLine(issue.AddDays(50), 1000m, m));
        }

        var asOf = new DateOnly(2024, 12, 31);
        _ledger = new CustomerLedger
        {
            Customer = new Customer { CustomerId = "C1", Name = "C1", CustomerSince = new DateOnly(2020, 1, 1) },
            Invoices = invoices.ToArray(),
            Payments = payments.Where(p => p.PaymentDate <= asOf.AddDays(400)).ToArray(),
        };
        _now = IndicatorCalculator.Compute(_ledger, asOf, IndicatorPolicy.Default);
        _inputs = ExpertScoreInputs.From(_ledger, _now, asOf);
        _values = new double[PdFeatures.Count];
        _row = new double[outcome.Model.Features.Count];
    }

    /// <summary>The PD inputs of one customer and the model's PD: the hot path, no allocation.</summary>
    [Benchmark]
    public double InputsAndPd()
    {
        PdFeatures.Fill(_ledger.Customer, _now, _inputs.HistoryMonths, _values);
        return _model.ProbabilityOfDefault(_values, _row);
    }

    /// <summary>What assess calls per customer: PD, score on the policy scale, top reasons, the result record.</summary>
    [Benchmark]
    public CreditScoreResult ScoreWithReasons() => _model.Score(_ledger, _now, _inputs, CreditPolicy.Default);
}
