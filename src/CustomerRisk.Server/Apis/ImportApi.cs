using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Imports ledger files uploaded as multipart/form-data (one or more files in the import format of
/// spec/data-formats.md, each named by its kind: customers.csv, invoices_2026.xlsx, …). All files commit together or
/// not at all, as `crisk import`.</summary>
public static partial class ImportApi
{
    /// <summary>Largest upload, in bytes (all files together).</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>Most rejected rows returned per file; the count is always complete.</summary>
    public const int MaxRejectsShown = 1000;

    /// <summary>A rejected row: where it was, which column and why.</summary>
    public sealed record Reject(long Line, string Column, string Reason);

    /// <summary>What the import did with one file.</summary>
    public sealed record FileResult(string File, string Kind, long RowsRead, int Inserted, int Updated, int Unchanged, long Accepted,
        long Rejected, IReadOnlyList<Reject> Rejects, bool RejectsTruncated, IReadOnlyList<string> Warnings);

    /// <summary>The import's result, file by file.</summary>
    public sealed record ImportResult(IReadOnlyList<FileResult> Files, IReadOnlyList<string> Warnings);

    public static void MapImportApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/import").WithTags("Import").RequireAuthorization(Policies.Import)
            .MapPost("/", ImportAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Imports one or more ledger files (multipart field 'files'; the kind comes from each file name, or from the field 'kind').");
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(HttpRequest request, IRiskStore store,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Invalid("files", "Send the files as multipart/form-data.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Invalid("files", "The multipart body cannot be read.");
        }

        var files = form.Files;
        if (files.Count is 0 or > 50)
        {
            return Invalid("files", "Send 1–50 files.");
        }

        string? kind = form["kind"].FirstOrDefault();
        if (kind is not null && !ImportKinds.TryParse(kind, out _))
        {
            return Invalid("kind", $"kind is one of {string.Join(", ", ImportKinds.AllCodes)}.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName ?? "");
            if (!SafeName().IsMatch(name) || !names.Add(name))
            {
                return Invalid("files", "Each file needs a distinct plain name (letters, digits, . _ -) ending .csv or .xlsx.");
            }

            if (kind is null && !ImportKinds.TryFromFileName(name, out _))
            {
                return Invalid("files", $"'{name}' does not say its kind: name it customers.csv, invoices.csv, … or send the field 'kind'.");
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "crisk-upload-" + Guid.NewGuid().ToString("N"));
        var rejectsFolder = Path.Combine(folder, "rejects");
        Directory.CreateDirectory(rejectsFolder);
        try
        {
            var paths = new List<string>(files.Count);
            foreach (var file in files)
            {
                var path = Path.Combine(folder, Path.GetFileName(file.FileName!));
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                paths.Add(path);
            }

            ImportLedgerResult result;
            try
            {
                result = await ImportLedger.HandleAsync(new ImportLedgerRequest(paths, kind, rejectsFolder), store, null, cancellationToken);
            }
            catch (ImportRefusedException refused)
            {
                // The message names the uploaded copy; the caller knows the file by its own name.
                throw new ImportRefusedException(refused.Message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
            }

            var results = result.Files.Select(f =>
            {
                var (rejects, truncated) = ReadRejects(f.RejectsPath);
                var a = f.Accepted;
                return new FileResult(Path.GetFileName(f.Path), f.Kind.ToCode(), f.RowsRead, a.Inserted, a.Updated, a.Unchanged,
                    (long)a.Inserted + a.Updated + a.Unchanged, f.Rejected, rejects, truncated, f.Warnings);
            }).ToArray();
            return TypedResults.Ok(new ImportResult(results, result.Warnings));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; the import's outcome stands.
            }
        }
    }

    private static (IReadOnlyList<Reject> Rejects, bool Truncated) ReadRejects(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return ([], false);
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        var rejects = new List<Reject>();
        while (csv.Read())
        {
            if (rejects.Count == MaxRejectsShown)
            {
                return (rejects, true);
            }

            _ = long.TryParse(csv.GetField("line"), NumberStyles.None, CultureInfo.InvariantCulture, out var line);
            rejects.Add(new Reject(line, csv.GetField("column") ?? "", csv.GetField("reason") ?? ""));
        }

        return (rejects, false);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(csv|xlsx)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SafeName();
}
