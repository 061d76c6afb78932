using BenchmarkDotNet.Attributes;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Trees;

namespace CustomerRisk.Benchmarks.Modeling;

/// <summary>Scoring Give Me Some Credit's 45,000 test rows with a trained WoE scorecard and 300 boosted trees of depth 5:
/// batch (rows per second = 45,000 / mean) and one row at a time (budget: no allocation). Budgets: scorecard at least
/// 1,000,000 rows/s; trees at least XGBoost's inplace_predict rate with 2 threads. Run: <c>dotnet run -c Release
/// --project benchmarks/CustomerRisk.Benchmarks -- --filter '*Modeling.ScoringBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
[UsesDataSet("give_me_some_credit")]
public class ScoringBenchmarks
{
    private Scorecard _scorecard = null!;
    private TreeEnsemble _trees = null!;
    private FeatureMatrix _scorecardRows = null!;
    private FeatureMatrix _treeRows = null!;
    private double[] _output = [];
    private int _next;

    /// <summary>Trains both models once on the training part.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = GiveMeSomeCreditData.Load();
        _scorecard = ScorecardTrainer.Train(data.Train).Scorecard;
        var labels = data.Train.Target.Labels;
        var features = TreeInputs.Schema(data.Train.Inputs, labels);
        (_trees, _) = GradientBoostingTrainer.Train(
            FeatureMatrix.FromTable(data.Train.Inputs, features), labels, features,
            new GradientBoostingOptions { Trees = 300, MaxDepth = 5, LearningRate = 0.05, Threads = 2 });
        _scorecardRows = FeatureMatrix.FromTable(data.Test, _scorecard.Features);
        _treeRows = FeatureMatrix.FromTable(data.Test, _trees.Features);
        _output = new double[data.Test.RowCount];
    }

    /// <summary>Every test row through the scorecard, one thread.</summary>
    [Benchmark]
    public double ScorecardBatch()
    {
        _scorecard.PredictProbabilities(_scorecardRows, _output);
        return _output[0];
    }

    /// <summary>Every test row through 300 trees, 2 threads.</summary>
    [Benchmark]
    public double TreesBatchTwoThreads()
    {
        _trees.PredictProbabilities(_treeRows, _output, 2);
        return _output[0];
    }

    /// <summary>One row through the scorecard: points and PD.</summary>
    [Benchmark]
    public double ScorecardSingleRow()
    {
        var row = _scorecardRows.Row(_next++ % _scorecardRows.Rows);
        return _scorecard.Score(row) + _scorecard.PredictProbability(row);
    }

    /// <summary>One row through 300 trees.</summary>
    [Benchmark]
    public double TreesSingleRow() => _trees.PredictProbability(_treeRows.Row(_next++ % _treeRows.Rows));

    /// <summary>One row's top four reasons from the scorecard, into a caller's buffer.</summary>
    [Benchmark]
    public int ScorecardReasonsSingleRow()
    {
        Span<ReasonCode> reasons = stackalloc ReasonCode[4];
        return _scorecard.ExplainRow(_scorecardRows.Row(_next++ % _scorecardRows.Rows), reasons);
    }
}
