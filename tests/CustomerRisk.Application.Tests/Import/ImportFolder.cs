using System.Text;
using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>A temporary folder of import files for one test, deleted afterwards.</summary>
internal sealed class ImportFolder : IDisposable
{
    public ImportFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crisk-import-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public InMemoryRiskStore Store { get; } = new();

    public const string Customers = "customer_id,name\nC1,Acme\nC2,Bolt\n";

    /// <summary>Writes a file as UTF-8 without BOM (lines joined as given).</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File_(string name) => System.IO.Path.Combine(Path, name);

    public Task<ImportLedgerResult> ImportAsync(params string[] paths) =>
        ImportLedger.HandleAsync(new ImportLedgerRequest(paths, null, null), Store, null, CancellationToken.None);

    public Task<ImportLedgerResult> ImportAsync(ImportLedgerRequest request, IProgress<ImportProgress>? progress = null) =>
        ImportLedger.HandleAsync(request, Store, progress, CancellationToken.None);

    /// <summary>The batches handed to the store's sessions so far.</summary>
    public IReadOnlyList<int> BatchesSent() => Store.BatchSizes;

    /// <summary>The files in the folder, names only, sorted.</summary>
    public string[] FileNames() =>
        Directory.GetFiles(Path).Select(p => System.IO.Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
