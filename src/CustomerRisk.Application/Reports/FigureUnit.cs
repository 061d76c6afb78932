namespace CustomerRisk.Application.Reports;

/// <summary>How a figure of a report is read and written.</summary>
public enum FigureUnit
{
    /// <summary>Money in the portfolio currency, written with 2 decimals.</summary>
    Money,

    /// <summary>A fraction 0–1 (or a change such as −0.5), written as a percentage.</summary>
    Share,

    /// <summary>Days.</summary>
    Days,

    /// <summary>A count.</summary>
    Count,

    /// <summary>A plain number (a ratio, a score, steps).</summary>
    Number,

    /// <summary>A yes/no figure: 1 is yes, 0 is no.</summary>
    Flag,
}
