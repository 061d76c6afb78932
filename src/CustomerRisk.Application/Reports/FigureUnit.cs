using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Reports;

/// <summary>How a figure of a report is read and written (in JSON: <c>money</c>, <c>share</c>, <c>days</c>,
/// <c>count</c>, <c>number</c>, <c>flag</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureUnit>))]
public enum FigureUnit
{
    /// <summary>Money in the portfolio currency, written with 2 decimals.</summary>
    [JsonStringEnumMemberName("money")]
    Money,

    /// <summary>A fraction 0–1 (or a change such as −0.5), written as a percentage.</summary>
    [JsonStringEnumMemberName("share")]
    Share,

    /// <summary>Days.</summary>
    [JsonStringEnumMemberName("days")]
    Days,

    /// <summary>A count.</summary>
    [JsonStringEnumMemberName("count")]
    Count,

    /// <summary>A plain number (a ratio, a score, steps).</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>A yes/no figure: 1 is yes, 0 is no.</summary>
    [JsonStringEnumMemberName("flag")]
    Flag,
}
