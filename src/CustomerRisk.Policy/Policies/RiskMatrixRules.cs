namespace CustomerRisk.Policy;

/// <summary>The risk matrix (spec/operations.md): probability level from PD, impact level from the customer's share
/// of the portfolio's exposure, and a severity for each of the nine cells.</summary>
public sealed record RiskMatrixRules
{
    /// <summary>PD at or above which probability is medium (default 0.02).</summary>
    public required decimal ProbabilityMediumFrom { get; init; }

    /// <summary>PD above which probability is high (default 0.10).</summary>
    public required decimal ProbabilityHighAbove { get; init; }

    /// <summary>Exposure share at or above which impact is medium (default 0.01).</summary>
    public required decimal ImpactMediumFrom { get; init; }

    /// <summary>Exposure share above which impact is high (default 0.05).</summary>
    public required decimal ImpactHighAbove { get; init; }

    /// <summary>Severities row by row: probability low, medium, high; within a row impact low, medium, high.</summary>
    public required IReadOnlyList<Severity> Cells { get; init; }

    /// <summary>The severity of a cell.</summary>
    public Severity SeverityOf(RiskLevel probability, RiskLevel impact) => Cells[((int)probability * 3) + (int)impact];
}
