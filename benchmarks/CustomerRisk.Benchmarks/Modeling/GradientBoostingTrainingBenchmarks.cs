using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Trees;

namespace CustomerRisk.Benchmarks.Modeling;

/// <summary>Gradient-boosted trees on Give Me Some Credit's 105,000 training rows: 300 trees, depth 5, learning rate
/// 0.05, 2 threads, no early stopping: the XGBoost hist settings of benchmarks/peers/modeling/run_peers.py.
/// Budget: no slower than XGBoost on the same machine. Run: <c>dotnet run -c Release --project
/// benchmarks/CustomerRisk.Benchmarks -- --filter '*GradientBoostingTrainingBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
[UsesDataSet("give_me_some_credit")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GradientBoostingTrainingBenchmarks
{
    private FeatureMatrix _rows = null!;
    private byte[] _labels = [];
    private IReadOnlyList<FeatureSpec> _features = [];

    /// <summary>Loads and encodes the training part once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = GiveMeSomeCreditData.Load();
        _labels = data.Train.Target.Labels;
        _features = TreeInputs.Schema(data.Train.Inputs, _labels);
        _rows = FeatureMatrix.FromTable(data.Train.Inputs, _features);
    }

    /// <summary>300 trees of depth 5 on 2 threads.</summary>
    [Benchmark]
    public int Train300TreesDepth5TwoThreads()
    {
        var (model, _) = GradientBoostingTrainer.Train(
            _rows, _labels, _features, new GradientBoostingOptions { Trees = 300, MaxDepth = 5, LearningRate = 0.05, Threads = 2 });
        return model.Trees.Count;
    }
}
