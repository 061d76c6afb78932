using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>What the classification reads.</summary>
/// <param name="Grade">The grade now.</param>
/// <param name="Pd">Probability of default, 0–1, when scored.</param>
/// <param name="RevenueShare">revenue_share, 0–1; null counts as low value.</param>
/// <param name="HistoryMonths">Months of relationship; null is not loyal.</param>
/// <param name="Focus">product_focus; null leaves the focus test out.</param>
/// <param name="FrequencyChange">frequency_change; null leaves the test out.</param>
/// <param name="Dormant">Whether dormant; null leaves the test out.</param>
public sealed record ClassificationInputs(
    Grade Grade,
    decimal? Pd,
    decimal? RevenueShare,
    int? HistoryMonths,
    ProductFocus? Focus,
    decimal? FrequencyChange,
    bool? Dormant);
