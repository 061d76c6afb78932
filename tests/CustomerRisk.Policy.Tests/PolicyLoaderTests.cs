using CustomerRisk.Domain;

namespace CustomerRisk.Policy.Tests;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void DefaultPolicy_LoadsWithTheSpecDefaults()
    {
        var policy = CreditPolicy.Default;

        Assert.Equal("2025.1", policy.DeclaredVersion);
        Assert.Equal($"2025.1+{policy.Fingerprint}", policy.Version);
        Assert.Matches("^[0-9a-f]{12}$", policy.Fingerprint);
        Assert.Equal(1.00m, policy.Rating.CollectionAAtLeast);
        Assert.Equal(0.95m, policy.Rating.CollectionBAtLeast);
        Assert.Equal(0.90m, policy.Rating.CollectionCAtLeast);
        Assert.Equal((0, 4, 9), (policy.Rating.TimelinessAAtMostDays, policy.Rating.TimelinessBAtMostDays, policy.Rating.TimelinessCAtMostDays));
        Assert.Equal(new MeanThreshold(8, 3), policy.Rating.AMeanAtLeast);
        Assert.Equal(ExpertEffectMode.Inform, policy.Rating.ExpertEffect.Mode);
        Assert.Equal((600m, 50m, 20m, 300m, 900m), (policy.ScoreScale.BaseScore, policy.ScoreScale.BaseOdds, policy.ScoreScale.Pdo, policy.ScoreScale.MinScore, policy.ScoreScale.MaxScore));
        Assert.Equal(60, policy.TermsFor(Grade.A).TermsDays);
        Assert.Equal(1.5m, policy.TermsFor(Grade.A).LimitFactor);
        Assert.Equal(0.5m, policy.TermsFor(Grade.C).LimitFactor);
        Assert.True(policy.TermsFor(Grade.D).HoldOrders);
        Assert.Equal((10000m, 1000m, 0.10m), (policy.Limits.StarterLimit, policy.Limits.RoundingStep, policy.Limits.RevenueCapShare));
        Assert.Equal(60, policy.OrderCheck.BlockDaysPastDueAbove);
        Assert.Equal(0.10m, policy.OrderCheck.OverLimitTolerance);
        Assert.Equal(11, policy.Warnings.Count);
        Assert.Equal(new[] { 12, 6, 3, 1, 3 }, new[] { Grade.A, Grade.B, Grade.C, Grade.D, Grade.N }.Select(g => policy.ReviewIntervalMonths[g]));
        Assert.Equal(4, policy.DunningBands.Count);
        Assert.Equal(0.45m, policy.Lgd);
        Assert.Equal(Severity.Extreme, policy.RiskMatrix.SeverityOf(RiskLevel.High, RiskLevel.High));
        Assert.Equal(Severity.Medium, policy.RiskMatrix.SeverityOf(RiskLevel.Low, RiskLevel.High));
    }

    [Fact]
    public void DefaultPolicyFile_InTheRepository_IsTheEmbeddedOne()
    {
        var path = RepositoryFiles.Find(Path.Combine("policies", "default.yaml"));

        Assert.NotNull(path);
        var onDisk = PolicyLoader.LoadFile(path);
        Assert.Equal(CreditPolicy.Default.Version, onDisk.Version);
    }

    [Fact]
    public void Version_IgnoresCommentsLayoutAndNumberFormat()
    {
        var reformatted = PolicyText.Default
            .Replace("# Terms, limit factor", "# A new comment\n# Terms, limit factor", StringComparison.Ordinal)
            .Replace("a_at_least: 1.00", "a_at_least: 1.0", StringComparison.Ordinal);

        var policy = PolicyLoader.Load(reformatted, "reformatted.yaml");

        Assert.Equal(CreditPolicy.Default.Version, policy.Version);
    }

    [Fact]
    public void Version_IgnoresTheOrderOfKeys()
    {
        var (text, _) = PolicyText.Replace("  starter_limit: 10000\n  rounding_step: 1000\n", "  rounding_step: 1000\n  starter_limit: 10000\n");

        Assert.Equal(CreditPolicy.Default.Version, PolicyLoader.Load(text, "reordered.yaml").Version);
    }

    [Fact]
    public void Version_ChangesWhenAnyValueChanges()
    {
        var policy = PolicyText.With("starter_limit: 10000", "starter_limit: 12000");

        Assert.Equal("2025.1", policy.DeclaredVersion);
        Assert.NotEqual(CreditPolicy.Default.Version, policy.Version);
    }

    [Fact]
    public void UnknownWarningMetric_IsRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("metric: dso_change", "metric: dso_trend");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains("unknown warning metric 'dso_trend'", only.Message, StringComparison.Ordinal);
        Assert.Contains($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownComparison_IsRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("comparison: gt, threshold: 0.90", "comparison: above, threshold: 0.90");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
        Assert.Contains("unknown comparison 'above'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsRefused_NamingItsLineAndTheKnownKeys()
    {
        var (text, line) = PolicyText.Replace("  review_without_limit: true", "  review_without_limit: true\n  block_on_weekends: true");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line + 1, only.Line);
        Assert.Contains("unknown key 'block_on_weekends' in 'order_check'", only.Message, StringComparison.Ordinal);
        Assert.Contains("over_limit_tolerance", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelSection_IsRefused()
    {
        var text = PolicyText.Default + "\nbonus_rules: {}\n";

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Contains("unknown key 'bonus_rules' at the top level", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeLimitFactor_IsRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("limit_factor: 1.5", "limit_factor: -1.5");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains("'grades.A.limit_factor' must be at least 0 (it may not be negative), found -1.5", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectionThresholdsOutOfOrder_AreRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("b_at_least: 0.95", "b_at_least: 1.05");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains("out of order", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimelinessThresholdsOverlapping_AreRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("c_at_most_days: 9", "c_at_most_days: 4");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
    }

    [Fact]
    public void OverlappingDunningLevels_AreRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("level: L2, from_days: 16", "level: L2, from_days: 12");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains("overlaps the previous level", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DunningGap_IsRefused()
    {
        var (text, line) = PolicyText.Replace("level: L3, from_days: 31", "level: L3, from_days: 35");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
        Assert.Contains("leaves a gap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScorecardBandsOutOfOrder_AreRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("{ below: 0.95, points: 20", "{ below: 0.85, points: 20");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
        Assert.Contains("bands out of order or overlapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RiskMatrixBandsOverlapping_AreRefused()
    {
        var (text, line) = PolicyText.Replace("high_above: 0.10\n  impact", "high_above: 0.01\n  impact");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
    }

    [Theory]
    [InlineData("lgd: 0.45", "lgd: 1.45")]
    [InlineData("pd_above: 0.10", "pd_above: -0.1")]
    [InlineData("medium_from: 0.02", "medium_from: 2")]
    public void ProbabilityOutsideZeroToOne_IsRefused_NamingTheLine(string find, string replacement)
    {
        var (text, line) = PolicyText.Replace(find, replacement);

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains("between 0 and 1", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadYaml_IsRefused_NamingTheLine()
    {
        var (text, line) = PolicyText.Replace("  over_limit_tolerance: 0.10", "  over_limit_tolerance: [0.10");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.InRange(only.Line, line, line + 2);
        Assert.Contains("not valid YAML", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_IsRefused()
    {
        var (text, _) = PolicyText.Replace("  starter_limit: 10000", "  starter_limit: 10000\n  starter_limit: 20000");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Contains("starter_limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSection_IsRefused()
    {
        var (text, _) = PolicyText.Replace("expected_loss:\n  lgd: 0.45\n", "");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Contains("'expected_loss' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralErrors_AreAllReported_InLineOrder()
    {
        var text = PolicyText.Default
            .Replace("limit_factor: 1.5", "limit_factor: -1.5", StringComparison.Ordinal)
            .Replace("metric: dso_change", "metric: dso_trend", StringComparison.Ordinal);

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(2, error.Errors.Count);
        Assert.True(error.Errors[0].Line < error.Errors[1].Line);
    }

    [Fact]
    public void ReviewAndBlockGradesOverlapping_AreRefused()
    {
        var (text, line) = PolicyText.Replace("review_grades: [C]", "review_grades: [C, D]");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        Assert.Equal(line, Assert.Single(error.Errors).Line);
    }

    [Fact]
    public void EmptyText_IsRefused()
    {
        Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load("", "empty.yaml"));
    }

    [Fact]
    public void FractionThreshold_IsKeptExactly()
    {
        var policy = PolicyText.With("a_mean_at_least: 8/3", "a_mean_at_least: 2.5");

        Assert.Equal(new MeanThreshold(25, 10), policy.Rating.AMeanAtLeast);
    }
}
