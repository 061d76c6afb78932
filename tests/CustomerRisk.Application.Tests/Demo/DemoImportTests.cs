using CustomerRisk.Application.Import;
using CustomerRisk.Application.Tests.Import;

namespace CustomerRisk.Application.Tests.Demo;

/// <summary>The demo's files go through the real import: the clean portfolio without a single reject, and with
/// errors exactly the deliberately bad rows rejected.</summary>
public sealed class DemoImportTests
{
    [Fact]
    public async Task CleanDemo_ImportsEveryRowWithoutAReject()
    {
        using var folder = new DemoFolder(300);

        var result = await ImportLedger.HandleAsync(new ImportLedgerRequest([folder.Path], null, null), new InMemoryRiskStore(), null, CancellationToken.None);

        Assert.Equal(0, result.Rejected);
        Assert.Equal(folder.Result.Files.Sum(f => f.Rows), result.Accepted);
        Assert.All(result.Files, f => Assert.Empty(f.Warnings));
    }

    [Fact]
    public async Task DemoWithErrors_HasExactlyItsBadRowsRejected()
    {
        using var folder = new DemoFolder(1000, withErrors: true);

        var result = await ImportLedger.HandleAsync(new ImportLedgerRequest([folder.Path], null, null), new InMemoryRiskStore(), null, CancellationToken.None);

        var bad = folder.Result.Files.Sum(f => f.BadRows);
        Assert.True(bad > 0);
        Assert.Equal(bad, result.Rejected);
        foreach (var file in result.Files.Where(f => f.Rejected > 0))
        {
            Assert.True(File.Exists(file.RejectsPath), $"no rejects file for {file.Path}");
        }
    }
}
