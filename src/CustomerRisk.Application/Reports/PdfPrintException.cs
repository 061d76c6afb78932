namespace CustomerRisk.Application.Reports;

/// <summary>A report could not be printed to PDF: the printer is not installed, did not finish in time, or failed. The
/// message says which, in words meant for the user.</summary>
public sealed class PdfPrintException : Exception
{
    public PdfPrintException()
    {
    }

    public PdfPrintException(string message)
        : base(message)
    {
    }

    public PdfPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the printer is simply not installed (nothing was tried).</summary>
    public bool Unavailable { get; init; }
}
