using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerRisk.Modeling.Binning;
using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Trees;

namespace CustomerRisk.Modeling.Files;

/// <summary>
/// Writes and reads model files: versioned JSON (snake_case keys) holding the algorithm, the inputs, the bins or trees
/// or weights, the points scale, the metrics and the provenance (training time, SHA-256 of the training data).
/// Numbers are written in round-trip form, so a model read back scores exactly as the one written; infinite
/// thresholds are written as the strings "Infinity" and "-Infinity". See docs/modeling.md for the layout.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> key.</summary>
    public const string FormatName = "customer-risk-model";

    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The model file's JSON text.</summary>
    /// <param name="model">A <see cref="Scorecard"/>, <see cref="LogisticModel"/> or <see cref="TreeEnsemble"/>.</param>
    /// <param name="provenance">Where the model came from.</param>
    /// <exception cref="ArgumentException">The model is of a kind the format does not hold.</exception>
    public static string Serialize(IRiskModel model, ModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(provenance);
        var scale = model switch
        {
            Scorecard s => s.Scale,
            LogisticModel l => l.Scale,
            TreeEnsemble t => t.Scale,
            _ => throw new ArgumentException($"A {model.GetType().Name} cannot be written to a model file.", nameof(model)),
        };
        var document = new ModelFileDocument
        {
            FormatVersion = FormatVersion,
            ModelId = provenance.ModelId,
            Algorithm = provenance.Algorithm,
            TrainedAt = provenance.TrainedAt,
            Training = new TrainingDto
            {
                TargetColumn = provenance.TargetColumn,
                PositiveValue = provenance.PositiveValue,
                NegativeValue = provenance.NegativeValue,
                Rows = provenance.TrainingRows,
                Bads = provenance.TrainingBads,
                DataSha256 = provenance.TrainingDataSha256,
            },
            Features = model.Features.Select(f => new FeatureDto
            {
                Name = f.Name,
                Kind = KindCode(f.Kind),
                Levels = f.Kind == ColumnKind.Categorical ? [.. f.Levels] : null,
            }).ToList(),
            Scale = new ScaleDto
            {
                BaseScore = scale.BaseScore,
                BaseOdds = scale.BaseOdds,
                PointsToDoubleOdds = scale.PointsToDoubleOdds,
                MinScore = scale.MinScore,
                MaxScore = scale.MaxScore,
            },
            Options = new Dictionary<string, string>(provenance.Options),
            Metrics = new Dictionary<string, Validation.ModelPerformance>(provenance.Metrics),
            Scorecard = model is Scorecard card ? ScorecardDto(card) : null,
            Logistic = model is LogisticModel logistic ? LogisticDto(logistic) : null,
            Trees = model is TreeEnsemble ensemble ? TreesDto(ensemble) : null,
        };
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>Writes a model file.</summary>
    /// <param name="path">File to create or replace.</param>
    /// <param name="model">The model.</param>
    /// <param name="provenance">Where it came from.</param>
    public static void Write(string path, IRiskModel model, ModelProvenance provenance) =>
        File.WriteAllText(path, Serialize(model, provenance));

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ModelingDataException">The file cannot be read, is not a model file, or has another format version.</exception>
    public static SavedModel Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelingDataException($"Cannot read model file '{path}': {e.Message}", e);
        }

        return Deserialize(text);
    }

    /// <summary>Rebuilds a model from model-file JSON.</summary>
    /// <param name="json">The file content.</param>
    /// <exception cref="ModelingDataException">The text is not a model file of this format version.</exception>
    public static SavedModel Deserialize(string json)
    {
        ModelFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ModelFileDocument>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ModelingDataException($"This is not a model file: {e.Message}", e);
        }

        if (document is null || document.Format != FormatName)
        {
            throw new ModelingDataException($"This is not a model file (the format key is not '{FormatName}').");
        }

        if (document.FormatVersion != FormatVersion)
        {
            throw new ModelingDataException(
                $"The model file has format version {document.FormatVersion}; this program reads version {FormatVersion}.");
        }

        try
        {
            var s = document.Scale;
            var scale = new ScoreScale(s.BaseScore, s.BaseOdds, s.PointsToDoubleOdds, s.MinScore, s.MaxScore);
            IRiskModel model = document switch
            {
                { Scorecard: { } card } => ReadScorecard(card, scale),
                { Logistic: { } logistic } => ReadLogistic(logistic, scale),
                { Trees: { } trees } => ReadTrees(trees, document.Features, scale),
                _ => throw new ModelingDataException("The model file holds no scorecard, logistic weights or trees."),
            };
            var t = document.Training;
            var provenance = new ModelProvenance(
                document.ModelId, document.Algorithm, document.TrainedAt, t.TargetColumn, t.PositiveValue, t.NegativeValue,
                t.Rows, t.Bads, t.DataSha256, document.Options, document.Metrics);
            return new SavedModel(model, provenance);
        }
        catch (ArgumentException e)
        {
            throw new ModelingDataException($"The model file is inconsistent: {e.Message}", e);
        }
    }

    private static string KindCode(ColumnKind kind) => kind == ColumnKind.Numeric ? "numeric" : "categorical";

    private static ColumnKind ParseKind(string code) => code switch
    {
        "numeric" => ColumnKind.Numeric,
        "categorical" => ColumnKind.Categorical,
        _ => throw new ModelingDataException($"Unknown feature kind '{code}' in the model file."),
    };

    private static ScorecardDto ScorecardDto(Scorecard card) => new()
    {
        Intercept = card.Intercept,
        BasePoints = card.BasePoints,
        Variables = card.Binnings.Select((b, j) => new ScorecardVariableDto
        {
            Name = b.Variable,
            Kind = KindCode(b.Kind),
            Coefficient = card.Coefficients[j],
            InformationValue = b.InformationValue,
            Bins = b.Bins.Select((bin, i) => new BinDto
            {
                Kind = bin.Kind switch { BinKind.Range => "range", BinKind.Levels => "levels", _ => "missing" },
                Label = bin.Label,
                Lower = bin.Kind == BinKind.Range ? bin.Lower : null,
                Upper = bin.Kind == BinKind.Range ? bin.Upper : null,
                Levels = bin.Kind == BinKind.Levels ? [.. bin.Levels] : null,
                Goods = bin.Goods,
                Bads = bin.Bads,
                Woe = bin.Woe,
                InformationValue = bin.InformationValue,
                Points = card.PointsOf(j, i),
            }).ToList(),
        }).ToList(),
    };

    private static Scorecard ReadScorecard(ScorecardDto dto, ScoreScale scale)
    {
        var binnings = dto.Variables.Select(v => new VariableBinning(
            v.Name,
            ParseKind(v.Kind),
            v.Bins.Select(b => new WoeBin(
                b.Kind switch
                {
                    "range" => BinKind.Range,
                    "levels" => BinKind.Levels,
                    "missing" => BinKind.Missing,
                    _ => throw new ModelingDataException($"Unknown bin kind '{b.Kind}' in the model file."),
                },
                b.Lower ?? double.NaN,
                b.Upper ?? double.NaN,
                b.Levels ?? [],
                b.Goods,
                b.Bads,
                b.Woe,
                b.InformationValue)).ToList())).ToList();
        return new Scorecard(binnings, dto.Intercept, dto.Variables.Select(v => v.Coefficient).ToList(), scale);
    }

    private static LogisticDto LogisticDto(LogisticModel model) => new()
    {
        Intercept = model.Intercept,
        Terms = model.Terms.Select(t => new LogisticTermDto
        {
            Name = t.Name,
            Kind = KindCode(t.Kind),
            Weight = t.Weight,
            Fill = t.Fill,
            MissingWeight = t.MissingWeight,
            Levels = t.Kind == ColumnKind.Categorical ? [.. t.Levels] : null,
            LevelWeights = t.Kind == ColumnKind.Categorical ? [.. t.LevelWeights] : null,
            Min = t.Min,
            Max = t.Max,
        }).ToList(),
    };

    private static LogisticModel ReadLogistic(LogisticDto dto, ScoreScale scale) =>
        new(
            dto.Intercept,
            dto.Terms.Select(t => new LogisticTerm(
                t.Name, ParseKind(t.Kind), t.Weight, t.Fill, t.MissingWeight, t.Levels ?? [], t.LevelWeights ?? [], t.Min, t.Max)).ToList(),
            scale);

    private static TreesDto TreesDto(TreeEnsemble ensemble) => new()
    {
        Kind = ensemble.Kind == EnsembleKind.BoostedLogOdds ? "boosted_log_odds" : "averaged_probability",
        BaseScore = ensemble.BaseScore,
        Trees = ensemble.Trees.Select(t => new TreeDto
        {
            Feature = [.. t.Feature],
            Threshold = [.. t.Threshold],
            Left = [.. t.Left],
            Right = [.. t.Right],
            DefaultLeft = [.. t.DefaultLeft],
            NodeValue = [.. t.NodeValue],
            LeafValue = [.. t.LeafValue],
        }).ToList(),
    };

    private static TreeEnsemble ReadTrees(TreesDto dto, List<FeatureDto> features, ScoreScale scale)
    {
        var kind = dto.Kind switch
        {
            "boosted_log_odds" => EnsembleKind.BoostedLogOdds,
            "averaged_probability" => EnsembleKind.AveragedProbability,
            _ => throw new ModelingDataException($"Unknown ensemble kind '{dto.Kind}' in the model file."),
        };
        var specs = features.Select(f => new FeatureSpec(f.Name, ParseKind(f.Kind), f.Levels ?? [])).ToList();
        var trees = dto.Trees.Select(t => new RegressionTree(t.Feature, t.Threshold, t.Left, t.Right, t.DefaultLeft, t.NodeValue, t.LeafValue)).ToList();
        return new TreeEnsemble(specs, trees, kind, dto.BaseScore, scale);
    }
}
