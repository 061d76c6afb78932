using System.Runtime.InteropServices;
using System.Text;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

/// <summary>Import a user's ledger files (spec/data-formats.md).</summary>
/// <param name="Paths">Files, or folders whose every known file is imported (customers.csv, invoices_2026.xlsx, …).</param>
/// <param name="Kind">The kind of every file named (customers, invoices, …); null takes each kind from its file name.</param>
/// <param name="RejectsFolder">Where NAME.rejects.csv files go; null puts each beside its file.</param>
public sealed record ImportLedgerRequest(IReadOnlyList<string> Paths, string? Kind, string? RejectsFolder)
{
    /// <summary>Rows handed to the store at a time, 1–1,000,000: a file is never all in memory.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>When given, told the name of each phase as it ends: the check of every file, each file (with the
    /// seconds the store spent writing it and the seconds the reader waited for the store), the commit. The CLI's
    /// CRISK_PHASE_LOG.</summary>
    public Action<string>? PhaseDone { get; init; }
}

/// <summary>The import use case: checks that every file can be read, then imports customers first and the other kinds
/// after, all in one store session that commits whole or not at all. A row that breaks a rule goes to the rejects
/// file with its line, column and reason; every other row is upserted by its key.</summary>
public static class ImportLedger
{
    /// <summary>Imports the files of <paramref name="request"/> into <paramref name="store"/>.</summary>
    /// <exception cref="ImportRefusedException">A file cannot be read at all, or the request names nothing to import;
    /// nothing was written.</exception>
    public static async Task<ImportLedgerResult> HandleAsync(ImportLedgerRequest request, IRiskStore store,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = Plan(request);

        // Every file is checked before the session starts: a file refused at the end must not cost a half import.
        var files = new List<PlannedFile>(plan.Files.Count);
        foreach (var file in plan.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var warnings = Inspect(file, out var estimatedRows);
            files.Add(file with { Warnings = warnings, EstimatedRows = estimatedRows });
        }

        request.PhaseDone?.Invoke("check every file (UTF-8, header)");

        var results = new List<ImportFileResult>(files.Count);
        var rejects = new List<(RejectsWriter? Writer, string FinalPath)>(files.Count);
        try
        {
            await using (var session = await store.BeginImportAsync(cancellationToken).ConfigureAwait(false))
            {
                var storedCustomers = await session.ReadCustomerIdsAsync(cancellationToken).ConfigureAwait(false);
                var knownCustomers = new HashSet<string>(storedCustomers, StringComparer.Ordinal);
                var context = new FileImportContext(session, knownCustomers, progress, request.BatchSize, request.PhaseDone);
                var rejectsPaths = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    var (result, writer) = await ImportFileAsync(file, context, cancellationToken).ConfigureAwait(false);
                    var finalPath = UniqueRejectsPath(RejectsPathFor(file.Path, request.RejectsFolder), rejectsPaths);
                    rejects.Add((writer, finalPath));
                    results.Add(result with { RejectsPath = writer is null ? null : finalPath });
                }

                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            request.PhaseDone?.Invoke("commit");

            PublishRejects(rejects);
            return new ImportLedgerResult { Files = results, Warnings = plan.Warnings };
        }
        finally
        {
            foreach (var (writer, _) in rejects)
            {
                if (writer is not null)
                {
                    writer.Dispose();
                    File.Delete(writer.TemporaryPath);
                }
            }
        }
    }

    /// <summary>The rejects file of an import file: NAME.rejects.csv beside it or in the rejects folder.</summary>
    public static string RejectsPathFor(string path, string? rejectsFolder)
    {
        var name = Path.GetFileNameWithoutExtension(path) + ".rejects.csv";
        var folder = rejectsFolder ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Path.Combine(folder, name);
    }

    // Two files of the same name from different folders, with one rejects folder: the second gets NAME.2.rejects.csv.
    private static string UniqueRejectsPath(string path, HashSet<string> used)
    {
        var candidate = path;
        for (var n = 2; !used.Add(Path.GetFullPath(candidate)); n++)
        {
            candidate = path[..^".rejects.csv".Length] + $".{n}.rejects.csv";
        }

        return candidate;
    }

    // ---- validation and planning -------------------------------------------------------------------------------

    private sealed record PlannedFile(string Path, ImportKind Kind, IReadOnlyList<string> Warnings)
    {
        public long EstimatedRows { get; init; }
    }

    private sealed record ImportPlan(IReadOnlyList<PlannedFile> Files, IReadOnlyList<string> Warnings);

    private static ImportPlan Plan(ImportLedgerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BatchSize is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.BatchSize, "BatchSize must be 1–1,000,000.");
        }

        if (request.Paths is null || request.Paths.Count == 0)
        {
            throw new ImportRefusedException("Nothing to import: name a file or a folder.");
        }

        ImportKind? forcedKind = null;
        if (request.Kind is not null)
        {
            if (!ImportKinds.TryParse(request.Kind, out var kind))
            {
                throw new ImportRefusedException(
                    $"'{request.Kind}' is not a kind of file: use one of {string.Join(", ", ImportKinds.AllCodes)}");
            }

            forcedKind = kind;
        }

        var files = new List<PlannedFile>();
        var warnings = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in request.Paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ImportRefusedException("An empty path was given: name a file or a folder.");
            }

            if (Directory.Exists(path))
            {
                PlanFolder(path, forcedKind, files, warnings, seen);
            }
            else if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    files.Add(new PlannedFile(path, KindOf(path, forcedKind), []));
                }
            }
            else
            {
                throw LedgerFileOpener.Refuse(path, $"{path} does not exist: check the path");
            }
        }

        // Customers first, so that the other kinds can name customers of the same import; the order given otherwise.
        var ordered = files.Select((f, i) => (f, i)).OrderBy(x => x.f.Kind).ThenBy(x => x.i).Select(x => x.f).ToArray();
        return new ImportPlan(ordered, warnings);
    }

    private static void PlanFolder(string folder, ImportKind? forcedKind, List<PlannedFile> files, List<string> warnings,
        HashSet<string> seen)
    {
        var found = 0;
        var candidates = Directory.EnumerateFiles(folder)
            .Where(p => IsImportExtension(p) && !p.EndsWith(".rejects.csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in candidates)
        {
            ImportKind kind;
            if (forcedKind is { } forced)
            {
                kind = forced;
            }
            else if (!ImportKinds.TryFromFileName(path, out kind))
            {
                warnings.Add($"{path} skipped: its name names no kind of file ({string.Join(", ", ImportKinds.AllCodes)})");
                continue;
            }

            found++;
            if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(new PlannedFile(path, kind, []));
            }
        }

        if (found == 0)
        {
            throw LedgerFileOpener.Refuse(folder,
                $"{folder} holds no file to import: name files after their kind, e.g. customers.csv, invoices.csv, payments_2026.xlsx");
        }
    }

    private static bool IsImportExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
    }

    private static ImportKind KindOf(string path, ImportKind? forcedKind)
    {
        if (Path.GetExtension(path).Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw LedgerFileOpener.Refuse(path,
                $"{Path.GetFileName(path)} is an old .xls workbook: save it as .xlsx or as \"CSV UTF-8\" and import it again");
        }

        if (forcedKind is { } forced)
        {
            return forced;
        }

        if (ImportKinds.TryFromFileName(path, out var kind))
        {
            return kind;
        }

        throw LedgerFileOpener.Refuse(path,
            $"Cannot tell what {Path.GetFileName(path)} holds: name it after its kind ({string.Join(", ", ImportKinds.AllCodes)}, e.g. invoices_2026.csv) or give the kind");
    }

    private static IReadOnlyList<string> Inspect(PlannedFile file, out long estimatedRows) => file.Kind switch
    {
        ImportKind.Customers => LedgerFileOpener.Inspect(file.Path, file.Kind, s_customers.Columns, out estimatedRows),
        ImportKind.Invoices => LedgerFileOpener.Inspect(file.Path, file.Kind, s_invoices.Columns, out estimatedRows),
        ImportKind.Payments => LedgerFileOpener.Inspect(file.Path, file.Kind, s_payments.Columns, out estimatedRows),
        ImportKind.Claims => LedgerFileOpener.Inspect(file.Path, file.Kind, s_claims.Columns, out estimatedRows),
        ImportKind.Orders => LedgerFileOpener.Inspect(file.Path, file.Kind, s_orders.Columns, out estimatedRows),
        ImportKind.Interactions => LedgerFileOpener.Inspect(file.Path, file.Kind, s_interactions.Columns, out estimatedRows),
        ImportKind.Financials => LedgerFileOpener.Inspect(file.Path, file.Kind, s_financials.Columns, out estimatedRows),
        ImportKind.ExpertScores => LedgerFileOpener.Inspect(file.Path, file.Kind, s_expertScores.Columns, out estimatedRows),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file.Kind, "Unknown kind."),
    };

    // ---- the import of one file ---------------------------------------------------------------------------------

    private const long MaxPresizedKeys = 10_000_000;

    private static readonly CustomerRows s_customers = new();
    private static readonly InvoiceRows s_invoices = new();
    private static readonly PaymentRows s_payments = new();
    private static readonly ClaimRows s_claims = new();
    private static readonly OrderRows s_orders = new();
    private static readonly InteractionRows s_interactions = new();
    private static readonly FinancialRows s_financials = new();
    private static readonly ExpertScoreRows s_expertScores = new();

    private sealed record FileImportContext(IImportSession Session, HashSet<string> KnownCustomers,
        IProgress<ImportProgress>? Progress, int BatchSize, Action<string>? PhaseDone);

    /// <summary>Seconds the store spent writing a file's batches, and the reader spent waiting for it (phase log).</summary>
    private sealed class StoreTimes
    {
        public long Writing;
        public long Waiting;

        public static double Seconds(long ticks) => (double)ticks / System.Diagnostics.Stopwatch.Frequency;
    }

    private static Task<(ImportFileResult, RejectsWriter?)> ImportFileAsync(PlannedFile file, FileImportContext context,
        CancellationToken cancellationToken) => file.Kind switch
    {
        ImportKind.Customers => ImportRowsAsync(file, s_customers, context, cancellationToken),
        ImportKind.Invoices => ImportRowsAsync(file, s_invoices, context, cancellationToken),
        ImportKind.Payments => ImportRowsAsync(file, s_payments, context, cancellationToken),
        ImportKind.Claims => ImportRowsAsync(file, s_claims, context, cancellationToken),
        ImportKind.Orders => ImportRowsAsync(file, s_orders, context, cancellationToken),
        ImportKind.Interactions => ImportRowsAsync(file, s_interactions, context, cancellationToken),
        ImportKind.Financials => ImportRowsAsync(file, s_financials, context, cancellationToken),
        ImportKind.ExpertScores => ImportRowsAsync(file, s_expertScores, context, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file.Kind, "Unknown kind."),
    };

    private static async Task<(ImportFileResult, RejectsWriter?)> ImportRowsAsync<T>(PlannedFile file,
        LedgerRowMapper<T> mapper, FileImportContext context, CancellationToken cancellationToken)
        where T : class
    {
        RejectsWriter? rejects = null;
        // The store writes one batch while the next is parsed: parsing and the store's upsert each keep a core busy,
        // where one after the other they took the sum of both. Batches still reach the store one at a time, in order.
        Task<UpsertCounts>? writing = null;
        try
        {
            var opened = LedgerFileOpener.Open(file.Path, file.Kind, mapper.Columns);
            using var source = opened.Source;
            var positions = opened.ColumnPositions;
            var row = new RowCheck(mapper.Columns, context.KnownCustomers);
            // Sized from the line count of the encoding check: growing a table of millions of keys rehashes it ~20 times.
            var firstLineOfKey = new Dictionary<string, long>((int)Math.Min(file.EstimatedRows, MaxPresizedKeys), StringComparer.Ordinal);
            var batch = new List<T>(context.BatchSize);
            var counts = default(UpsertCounts);
            var times = new StoreTimes();
            long rowsRead = 0, rejected = 0;

            while (ReadRow(source, file))
            {
                rowsRead++;
                for (var c = 0; c < positions.Length; c++)
                {
                    row.Values[c] = positions[c] < 0 ? string.Empty : source.Field(positions[c]);
                }

                if (!TryAccept(source, mapper, row, firstLineOfKey, context.KnownCustomers, out var record))
                {
                    rejects ??= new RejectsWriter(source.Header);
                    rejects.Write(source.RawRecord(), source.Line, row.FailedColumn, row.Reason);
                    rejected++;
                }
                else
                {
                    batch.Add(record);
                    if (batch.Count == context.BatchSize)
                    {
                        if (writing is not null)
                        {
                            var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                            counts += await writing.ConfigureAwait(false);
                            times.Waiting += System.Diagnostics.Stopwatch.GetTimestamp() - waitStarted;
                        }

                        var full = batch;
                        writing = Task.Run(async () =>
                        {
                            var started = System.Diagnostics.Stopwatch.GetTimestamp();
                            var written = await mapper.UpsertAsync(context.Session, full, cancellationToken).ConfigureAwait(false);
                            times.Writing += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                            return written;
                        }, cancellationToken);

                        // A fresh list: the session holds the one it was given.
                        batch = new List<T>(context.BatchSize);
                    }
                }

                if (rowsRead % context.BatchSize == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    context.Progress?.Report(new ImportProgress(file.Path, file.Kind, rowsRead, FileDone: false));
                }
            }

            if (writing is not null)
            {
                var pending = writing;
                writing = null;
                var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                counts += await pending.ConfigureAwait(false);
                times.Waiting += System.Diagnostics.Stopwatch.GetTimestamp() - waitStarted;
            }

            if (batch.Count > 0)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                counts += await mapper.UpsertAsync(context.Session, batch, cancellationToken).ConfigureAwait(false);
                var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - started;
                times.Writing += elapsed;
                times.Waiting += elapsed;
            }

            rejects?.Dispose();
            context.PhaseDone?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file.Path)}, {rowsRead:N0} rows (store writing {StoreTimes.Seconds(times.Writing):0.000} s, reader waiting for it {StoreTimes.Seconds(times.Waiting):0.000} s)"));
            context.Progress?.Report(new ImportProgress(file.Path, file.Kind, rowsRead, FileDone: true));
            var result = new ImportFileResult
            {
                Kind = file.Kind,
                Path = file.Path,
                RowsRead = rowsRead,
                Accepted = counts,
                Rejected = rejected,
                Warnings = file.Warnings,
            };
            return (result, rejects);
        }
        catch
        {
            if (writing is not null)
            {
                // The session must not be written to after this method gives it back: wait for the batch in flight.
                try
                {
                    await writing.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // The first failure is the one rethrown below.
                }
            }

            if (rejects is not null)
            {
                rejects.Dispose();
                File.Delete(rejects.TemporaryPath);
            }

            throw;
        }
    }

    private static bool ReadRow(LedgerFileSource source, PlannedFile file)
    {
        try
        {
            return source.Read();
        }
        catch (DecoderFallbackException e)
        {
            // The file was checked before the import began; it changed since.
            throw LedgerFileOpener.Refuse(file.Path,
                $"{Path.GetFileName(file.Path)} is not UTF-8 after line {source.Line}: save it as \"CSV UTF-8\" and import it again", e);
        }
        catch (Exception e) when (source is XlsxLedgerSource && e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A workbook whose header opened but whose sheet is damaged further down.
            throw LedgerFileOpener.Refuse(file.Path,
                $"{Path.GetFileName(file.Path)} is not a readable .xlsx workbook after row {source.Line} ({e.Message}): open it in Excel, save it again and import it again", e);
        }
    }

    private static bool TryAccept<T>(LedgerFileSource source, LedgerRowMapper<T> mapper, RowCheck row,
        Dictionary<string, long> firstLineOfKey, HashSet<string> knownCustomers, out T record)
        where T : class
    {
        if (source.RowIsMalformed)
        {
            record = null!;
            row.FailRow("the row's quoting is broken: a field holding a quote must be enclosed in quotes, with each quote inside doubled (\"\")");
            return false;
        }

        if (!mapper.TryMap(row, out record))
        {
            return false;
        }

        // Only accepted rows claim their key: a rejected first occurrence does not block a corrected second one.
        ref var firstLine = ref CollectionsMarshal.GetValueRefOrAddDefault(firstLineOfKey, mapper.KeyOf(record), out var seen);
        if (seen)
        {
            row.Fail(mapper.KeyColumn,
                $"{mapper.DescribeKey(record)} is already on line {firstLine} of this file: keep one of the two rows");
            return false;
        }

        firstLine = source.Line;
        mapper.OnAccepted(record, knownCustomers);
        return true;
    }

    private static void PublishRejects(List<(RejectsWriter? Writer, string FinalPath)> rejects)
    {
        foreach (var (writer, finalPath) in rejects)
        {
            if (writer is null)
            {
                // A rejects file of an earlier import of the same file no longer describes it.
                if (File.Exists(finalPath))
                {
                    File.Delete(finalPath);
                }

                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(finalPath))!);
            File.Move(writer.TemporaryPath, finalPath, overwrite: true);
        }
    }
}
