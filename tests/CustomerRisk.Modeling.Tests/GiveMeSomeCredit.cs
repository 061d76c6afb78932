using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling.Tests;

internal static class GiveMeSomeCredit
{
    public const string File = "give_me_some_credit/cs-training.csv";
    public const string Target = "SeriousDlqin2yrs";
    public const ulong Seed = 42;

    private static readonly Lazy<(TrainingSet Train, ModelingTable Test, byte[] TestLabels)> Data = new(Load);

    public static TrainingSet Train => Data.Value.Train;

    public static ModelingTable Test => Data.Value.Test;

    public static byte[] TestLabels => Data.Value.TestLabels;

    private static (TrainingSet, ModelingTable, byte[]) Load()
    {
        var table = CsvTableReader.Read(SharedData.PathOf(File));
        var all = TrainingSet.From(table, Target);
        var (train, test) = StratifiedSplit.TrainTest(all.Target.Labels, 0.3, Seed);
        var trainSet = TrainingSet.From(table.SelectRows(train), Target);
        var testLabels = test.Select(r => all.Target.Labels[r]).ToArray();
        return (trainSet, table.SelectRows(test).Without(Target), testLabels);
    }
}
