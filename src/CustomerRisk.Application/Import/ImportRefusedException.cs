namespace CustomerRisk.Application.Import;

/// <summary>An import refused as a whole: a file that cannot be read at all (unknown kind, empty or no header, not
/// UTF-8, a required column missing, a corrupt workbook) or a request that names nothing to import. Nothing was
/// written: neither the store nor any rejects file. The command line exits with code 2.</summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException(string message)
        : base(message)
    {
    }

    public ImportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file that was refused, or null when the request itself was refused.</summary>
    public string? FilePath { get; init; }
}
