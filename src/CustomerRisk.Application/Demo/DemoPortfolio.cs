using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CustomerRisk.Application.Tests")]
[assembly: InternalsVisibleTo("CustomerRisk.Benchmarks")]

namespace CustomerRisk.Application.Demo;

/// <summary>Asks for a generated demo portfolio in the import format (spec/data-formats.md, docs/demo.md).</summary>
public sealed record DemoPortfolioRequest
{
    /// <summary>The folder the eight CSV files are written into; created when missing, files overwritten.</summary>
    public required string OutFolder { get; init; }

    /// <summary>How many customers, 1–10,000,000.</summary>
    public int Customers { get; init; } = 1000;

    /// <summary>The seed: the same seed, size and as-of date write the same bytes.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The date the portfolio is generated as of: about 24 months of history end here.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Adds about 0.1% deliberately bad rows (bad dates, decimal commas, unknown customers, due before
    /// issue, …) so the import's rejects files can be seen. The clean rows are the same with or without.</summary>
    public bool WithErrors { get; init; }
}

/// <summary>How far the generation is.</summary>
/// <param name="CustomersWritten">Customers written so far.</param>
/// <param name="CustomersTotal">Customers asked for.</param>
public readonly record struct DemoProgress(int CustomersWritten, int CustomersTotal);

/// <summary>One file the demo wrote.</summary>
/// <param name="FileName">The file's name, for example <c>invoices.csv</c>.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Rows">Data rows written (the header not counted), bad rows included.</param>
/// <param name="BadRows">Of those, deliberately bad rows (only with <see cref="DemoPortfolioRequest.WithErrors"/>).</param>
public readonly record struct DemoFileRows(string FileName, string Path, long Rows, long BadRows);

/// <summary>What the demo wrote: one entry per file, in the order the import takes them.</summary>
public sealed record DemoPortfolioResult
{
    public required string OutFolder { get; init; }

    public required IReadOnlyList<DemoFileRows> Files { get; init; }

    /// <summary>The rows written to a file, by name (<c>invoices.csv</c>).</summary>
    public long RowsOf(string fileName)
    {
        foreach (var file in Files)
        {
            if (string.Equals(file.FileName, fileName, StringComparison.OrdinalIgnoreCase))
            {
                return file.Rows;
            }
        }

        throw new ArgumentException($"The demo writes no file named '{fileName}'.", nameof(fileName));
    }
}

/// <summary>Writes a realistic generated portfolio: customers generated one after another, each from its own
/// random stream, in chunks of 1,000 generated in parallel and written in order through large buffers, so memory
/// stays flat whatever the size and the same request always writes the same bytes.</summary>
public static class DemoPortfolio
{
    /// <summary>The largest portfolio the demo writes.</summary>
    public const int MaxCustomers = 10_000_000;

    /// <summary>Customers per chunk, and per progress report.</summary>
    public const int ChunkSize = 1000;

    /// <summary>The files written, in import order.</summary>
    public static IReadOnlyList<string> FileNames => DemoFiles.Names;

    /// <summary>Checks a request; returns what is wrong with it in words a user can act on (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(DemoPortfolioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.OutFolder))
        {
            errors.Add("The output folder is missing.");
        }

        if (request.Customers is < 1 or > MaxCustomers)
        {
            errors.Add($"The number of customers must be between 1 and {MaxCustomers:N0}; it was {request.Customers}.");
        }

        if (request.AsOf.Year is < 1950 or > 9000)
        {
            errors.Add($"The as-of date {request.AsOf:yyyy-MM-dd} is out of range (1950–9000).");
        }

        return errors;
    }

    /// <summary>Writes the eight files into <see cref="DemoPortfolioRequest.OutFolder"/> and returns their row counts.
    /// Reports progress after every <see cref="ChunkSize"/> customers.</summary>
    /// <exception cref="ArgumentException">The request is invalid (see <see cref="Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the files are left part-written.</exception>
    public static Task<DemoPortfolioResult> HandleAsync(
        DemoPortfolioRequest request, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(request));
        }

        return Task.Run(() => Write(request, progress, cancellationToken), cancellationToken);
    }

    private static DemoPortfolioResult Write(DemoPortfolioRequest request, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(request.OutFolder);
        Directory.CreateDirectory(folder);
        var generator = new DemoCustomerGenerator(request.Seed, request.Customers, request.AsOf, request.WithErrors);
        var streams = new FileStream[DemoFiles.Count];
        var rows = new long[DemoFiles.Count];
        var badRows = new long[DemoFiles.Count];
        var pendingWrite = Task.CompletedTask;
        try
        {
            var header = new CsvRowBuffer(256);
            for (var f = 0; f < DemoFiles.Count; f++)
            {
                streams[f] = new FileStream(Path.Combine(folder, DemoFiles.Names[f]), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                header.Clear();
                header.Header(DemoFiles.Headers[f]);
                streams[f].Write(header.Written);
            }

            // Two sets of chunks: while one set is written out, the other is generated.
            var parallelism = Math.Max(1, Environment.ProcessorCount);
            var sets = new[] { NewChunks(parallelism), NewChunks(parallelism) };
            var chunkCount = (request.Customers + ChunkSize - 1) / ChunkSize;
            var written = 0;
            for (var batchStart = 0; batchStart < chunkCount; batchStart += parallelism)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var set = sets[batchStart / parallelism % 2];
                var inBatch = Math.Min(parallelism, chunkCount - batchStart);
                var first = batchStart;
                Parallel.For(0, inBatch, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, j =>
                {
                    var chunk = set[j];
                    chunk.Clear();
                    var from = (first + j) * ChunkSize;
                    var to = Math.Min(request.Customers, from + ChunkSize);
                    for (var i = from; i < to; i++)
                    {
                        generator.Generate(i, chunk);
                    }
                });

                pendingWrite.GetAwaiter().GetResult();
                var customersInBatch = Math.Min(request.Customers, (batchStart + inBatch) * ChunkSize) - batchStart * ChunkSize;
                var writtenBefore = written;
                written += customersInBatch;
                pendingWrite = Task.Run(() =>
                {
                    var reported = writtenBefore;
                    for (var j = 0; j < inBatch; j++)
                    {
                        var chunk = set[j];
                        for (var f = 0; f < DemoFiles.Count; f++)
                        {
                            streams[f].Write(chunk.Buffers[f].Written);
                            rows[f] += chunk.Buffers[f].Rows;
                            badRows[f] += chunk.BadRows[f];
                        }

                        reported = Math.Min(request.Customers, reported + ChunkSize);
                        progress?.Report(new DemoProgress(reported, request.Customers));
                    }
                }, CancellationToken.None);
            }

            pendingWrite.GetAwaiter().GetResult();
            foreach (var stream in streams)
            {
                stream.Flush();
            }
        }
        finally
        {
            // A cancelled or failed generation must not close the files under a write still in flight.
            ((IAsyncResult)pendingWrite).AsyncWaitHandle.WaitOne();
            foreach (var stream in streams)
            {
                stream?.Dispose();
            }
        }

        var files = new DemoFileRows[DemoFiles.Count];
        for (var f = 0; f < DemoFiles.Count; f++)
        {
            files[f] = new DemoFileRows(DemoFiles.Names[f], Path.Combine(folder, DemoFiles.Names[f]), rows[f], badRows[f]);
        }

        return new DemoPortfolioResult { OutFolder = folder, Files = files };
    }

    private static DemoChunk[] NewChunks(int count)
    {
        var chunks = new DemoChunk[count];
        for (var i = 0; i < count; i++)
        {
            chunks[i] = new DemoChunk();
        }

        return chunks;
    }
}
