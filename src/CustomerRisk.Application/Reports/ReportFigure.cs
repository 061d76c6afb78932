namespace CustomerRisk.Application.Reports;

/// <summary>One identified figure of a report: an indicator with its value and what it is judged against.</summary>
/// <param name="Code">The indicator's code (spec/indicators.md), e.g. <c>net_collection_rate</c>.</param>
/// <param name="Label">The figure in a credit manager's words.</param>
/// <param name="Value">The value; null when there is no data.</param>
/// <param name="Unit">How to write the value.</param>
/// <param name="Benchmark">What it is judged against (a rating band or warning threshold), in words; null when
/// nothing judges it.</param>
/// <param name="Flagged">True when the figure fired a warning or gave a D component.</param>
public sealed record ReportFigure(string Code, string Label, decimal? Value, FigureUnit Unit, string? Benchmark, bool Flagged);
