using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Tests;

public sealed class TableAndInputTests
{
    [Fact]
    public void Csv_ReadsQuotedFieldsMissingTokensAndKinds()
    {
        const string text = ",amount,grade,y\n1,10.5,\"a, b\",1\n2,NA,\"say \"\"hi\"\"\",0\n3,,a,0\n";

        var table = CsvTableReader.Parse(text);

        Assert.Equal(["amount", "grade", "y"], table.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Numeric, table.Column("amount").Kind);
        Assert.Equal(10.5, table.Column("amount").Numbers[0]);
        Assert.Equal(2, table.Column("amount").MissingCount);
        Assert.Equal(["a, b", "say \"hi\"", "a"], table.Column("grade").Levels);
    }

    [Fact]
    public void Csv_TurnsListedSentinelsIntoMissing_AndKeepsThemOtherwise()
    {
        const string text = "late,y\n0,0\n98,1\n2,1\n";

        var kept = CsvTableReader.Parse(text);
        var dropped = CsvTableReader.Parse(text, new CsvReadOptions { Sentinels = new Dictionary<string, double[]> { ["late"] = [96, 98] } });

        Assert.Equal(98, kept.Column("late").Numbers[1]);
        Assert.True(double.IsNaN(dropped.Column("late").Numbers[1]));
        Assert.Equal(2, dropped.Column("late").Numbers[2]);
    }

    [Fact]
    public void Csv_RefusesARaggedLine_NamingIt()
    {
        var error = Assert.Throws<ModelingDataException>(() => CsvTableReader.Parse("a,b\n1,2\n3\n"));

        Assert.Contains("Line 3", error.Message);
    }

    [Fact]
    public void Target_WithAThirdValue_IsRefusedNamingTheValues()
    {
        var table = CsvTableReader.Parse("x,y\n1,good\n2,bad\n3,unknown\n");

        var error = Assert.Throws<ModelingDataException>(() => BinaryTarget.FromColumn(table.Column("y"), "bad"));

        Assert.Contains("third value 'unknown'", error.Message);
    }

    [Fact]
    public void Target_WithoutThePositiveValue_AsksForPositive()
    {
        var table = CsvTableReader.Parse("x,y\n1,good\n2,bad\n");

        var error = Assert.Throws<ModelingDataException>(() => BinaryTarget.FromColumn(table.Column("y"), "1"));

        Assert.Contains("--positive", error.Message);
    }

    [Fact]
    public void Target_NumericPositive_MatchesByValue()
    {
        var table = CsvTableReader.Parse("x,y\n1,1.0\n2,0\n3,1\n");

        var target = BinaryTarget.FromColumn(table.Column("y"), "1");

        Assert.Equal([1, 0, 1], target.Labels);
        Assert.Equal(2, target.Bads);
    }

    [Fact]
    public void TrainingSet_RefusesAConstantColumn()
    {
        var table = CsvTableReader.Parse("x,same,y\n1,5,1\n2,5,0\n3,5,0\n4,5,1\n");

        var error = Assert.Throws<ModelingDataException>(() => TrainingSet.From(table, "y"));

        Assert.Contains("'same'", error.Message);
        Assert.Contains("same value", error.Message);
    }

    [Fact]
    public void TrainingSet_RefusesAnAllMissingColumn()
    {
        var table = CsvTableReader.Parse("x,empty,y\n1,,1\n2,NA,0\n3,,0\n4,,1\n");

        var error = Assert.Throws<ModelingDataException>(() => TrainingSet.From(table, "y"));

        Assert.Contains("'empty'", error.Message);
        Assert.Contains("every row is missing", error.Message);
    }

    [Fact]
    public void TrainingSet_RefusesMoreColumnsThanRows()
    {
        var table = CsvTableReader.Parse("a,b,c,d,y\n1,2,3,4,1\n2,1,4,3,0\n3,3,1,2,0\n");

        var error = Assert.Throws<ModelingDataException>(() => TrainingSet.From(table, "y"));

        Assert.Contains("4 input columns but only 3 rows", error.Message);
    }

    [Fact]
    public void TrainingSet_RefusesAMissingTargetColumn_ListingTheColumns()
    {
        var table = CsvTableReader.Parse("a,b\n1,2\n");

        var error = Assert.Throws<ModelingDataException>(() => TrainingSet.From(table, "y"));

        Assert.Contains("no column 'y'", error.Message);
        Assert.Contains("a, b", error.Message);
    }

    [Fact]
    public void FeatureMatrix_MapsLevelsByName_AndUnknownLevelsToMissing()
    {
        var table = CsvTableReader.Parse("grade\nB\nA\nZ\n\n");

        var matrix = FeatureMatrix.FromTable(table, [FeatureSpec.Categorical("grade", ["A", "B"])]);

        Assert.Equal(1, matrix.Row(0)[0]);
        Assert.Equal(0, matrix.Row(1)[0]);
        Assert.True(double.IsNaN(matrix.Row(2)[0]));
    }
}
