using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling.Files;

// The JSON shape of a model file (format version 1), snake_case on disk. Internal: callers go through ModelFile.
internal sealed record ModelFileDocument
{
    public string Format { get; init; } = ModelFile.FormatName;

    public int FormatVersion { get; init; }

    public string ModelId { get; init; } = "";

    public string Algorithm { get; init; } = "";

    public DateTimeOffset TrainedAt { get; init; }

    public TrainingDto Training { get; init; } = new();

    public List<FeatureDto> Features { get; init; } = [];

    public ScaleDto Scale { get; init; } = new();

    public Dictionary<string, string> Options { get; init; } = [];

    public Dictionary<string, ModelPerformance> Metrics { get; init; } = [];

    public ScorecardDto? Scorecard { get; init; }

    public LogisticDto? Logistic { get; init; }

    public TreesDto? Trees { get; init; }
}

internal sealed record TrainingDto
{
    public string TargetColumn { get; init; } = "";

    public string PositiveValue { get; init; } = "";

    public string NegativeValue { get; init; } = "";

    public int Rows { get; init; }

    public int Bads { get; init; }

    public string DataSha256 { get; init; } = "";
}

internal sealed record FeatureDto
{
    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public List<string>? Levels { get; init; }
}

internal sealed record ScaleDto
{
    public double BaseScore { get; init; }

    public double BaseOdds { get; init; }

    public double PointsToDoubleOdds { get; init; }

    public double MinScore { get; init; }

    public double MaxScore { get; init; }
}

internal sealed record ScorecardDto
{
    public double Intercept { get; init; }

    public double BasePoints { get; init; }

    public List<ScorecardVariableDto> Variables { get; init; } = [];
}

internal sealed record ScorecardVariableDto
{
    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public double Coefficient { get; init; }

    public double InformationValue { get; init; }

    public List<BinDto> Bins { get; init; } = [];
}

internal sealed record BinDto
{
    public string Kind { get; init; } = "";

    public string Label { get; init; } = "";

    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public List<string>? Levels { get; init; }

    public int Goods { get; init; }

    public int Bads { get; init; }

    public double Woe { get; init; }

    public double InformationValue { get; init; }

    public double Points { get; init; }
}

internal sealed record LogisticDto
{
    public double Intercept { get; init; }

    public List<LogisticTermDto> Terms { get; init; } = [];
}

internal sealed record LogisticTermDto
{
    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public double Weight { get; init; }

    public double Fill { get; init; }

    public double MissingWeight { get; init; }

    public List<string>? Levels { get; init; }

    public List<double>? LevelWeights { get; init; }

    public double Min { get; init; }

    public double Max { get; init; }
}

internal sealed record TreesDto
{
    public string Kind { get; init; } = "";

    public double BaseScore { get; init; }

    public List<TreeDto> Trees { get; init; } = [];
}

internal sealed record TreeDto
{
    public int[] Feature { get; init; } = [];

    public double[] Threshold { get; init; } = [];

    public int[] Left { get; init; } = [];

    public int[] Right { get; init; } = [];

    public bool[] DefaultLeft { get; init; } = [];

    public double[] NodeValue { get; init; } = [];

    public double[] LeafValue { get; init; } = [];
}
