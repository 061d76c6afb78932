namespace CustomerRisk.Application.Reports;

/// <summary>One component of the A/B/C/D rating with the figure it was graded from.</summary>
/// <param name="Component"><c>collection</c>, <c>timeliness</c> or <c>focus</c>.</param>
/// <param name="Letter">The component's letter, or null without data.</param>
/// <param name="Basis">The figure it was read from, in words ("net collection rate 97.5%").</param>
/// <param name="Rule">The bands, in words ("A ≥ 100%, B ≥ 95%, C ≥ 90%, else D").</param>
public sealed record RatingComponentView(string Component, string? Letter, string Basis, string Rule);
