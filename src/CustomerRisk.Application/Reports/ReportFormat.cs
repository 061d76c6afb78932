using System.Globalization;

namespace CustomerRisk.Application.Reports;

/// <summary>How the reports write figures: invariant culture, money with thousands separators and 2 decimals, shares
/// as percentages with up to 2 decimals, a missing figure as an en dash. Shared by the builders (for sentences) and
/// the writers (for tables), so a figure reads the same everywhere.</summary>
public static class ReportFormat
{
    /// <summary>What a missing figure is written as.</summary>
    public const string Missing = "–";

    /// <summary>Money: <c>12,345.60</c>.</summary>
    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage: 0.1234 → <c>12.34%</c>; −0.5 → <c>-50%</c>.</summary>
    public static string Percent(decimal value) =>
        Math.Round(value * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A plain number with up to 4 decimals.</summary>
    public static string Number(decimal value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>A date, ISO.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A figure in its unit; <see cref="Missing"/> when null.</summary>
    public static string Figure(decimal? value, FigureUnit unit) => value is not { } v ? Missing : unit switch
    {
        FigureUnit.Money => Money(v),
        FigureUnit.Share => Percent(v),
        FigureUnit.Days => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture) + " days",
        FigureUnit.Count => v.ToString("#,0", CultureInfo.InvariantCulture),
        FigureUnit.Flag => v != 0m ? "yes" : "no",
        _ => Number(v),
    };

    /// <summary>A count.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A cell of the value–loyalty grid in words: <c>high value, not loyal</c>.</summary>
    public static string GridCell(string value, bool loyal) => $"{value} value, {(loyal ? "loyal" : "not loyal")}";

    /// <summary>A code with underscores as words: <c>high_value</c> → <c>high value</c>.</summary>
    public static string Words(string code) => code.Replace('_', ' ');
}
