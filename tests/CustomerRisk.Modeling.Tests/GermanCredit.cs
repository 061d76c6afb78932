using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Tests;

internal static class GermanCredit
{
    public const string File = "german_credit/germancredit.csv";
    public const string Target = "creditability";

    private static readonly Lazy<ModelingTable> Data = new(() => CsvTableReader.Read(SharedData.PathOf(File)));

    public static ModelingTable Table => Data.Value;

    public static BinaryTarget Bad => BinaryTarget.FromColumn(Table.Column(Target), "bad");
}
