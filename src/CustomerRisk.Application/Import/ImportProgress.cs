namespace CustomerRisk.Application.Import;

/// <summary>How far the import of one file has come, reported every batch and once when the file is done.</summary>
/// <param name="Path">The file being imported.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="RowsRead">Data rows read so far (the header not counted).</param>
/// <param name="FileDone">True on the last report of the file.</param>
public readonly record struct ImportProgress(string Path, ImportKind Kind, long RowsRead, bool FileDone);
