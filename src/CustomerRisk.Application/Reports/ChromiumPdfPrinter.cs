using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CustomerRisk.Application.Reports;

/// <summary>Prints a self-contained HTML report to PDF with headless Chromium's print (Debian's chromium package,
/// <c>/usr/bin/chromium</c>): the page is written to a fresh temporary folder, Chromium runs with a throw-away profile
/// in that folder, a time limit, and every network name mapped to nothing (the report needs none: it has no links,
/// scripts, images or fonts), and the folder is deleted afterwards. Nothing is ever downloaded. Used by
/// `crisk report --format pdf` and GET /api/reports/…?format=pdf. Thread-safe: at most <see cref="MaxConcurrentPrints"/>
/// Chromium processes run at once per printer; further calls wait.</summary>
public sealed class ChromiumPdfPrinter
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DebianChromium = "/usr/bin/chromium";

    /// <summary>How many Chromium processes one printer runs at once (each takes a few hundred MB).</summary>
    public const int MaxConcurrentPrints = 2;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentPrints, MaxConcurrentPrints);

    /// <summary>A printer using the browser at <paramref name="executablePath"/>.</summary>
    /// <param name="executablePath">The Chromium executable; <see cref="DebianChromium"/> when null or empty.</param>
    /// <param name="timeout">How long one print may take before Chromium is killed; 60 seconds when null.</param>
    public ChromiumPdfPrinter(string? executablePath = null, TimeSpan? timeout = null)
    {
        ExecutablePath = string.IsNullOrWhiteSpace(executablePath) ? DebianChromium : executablePath;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
    }

    /// <summary>The Chromium executable.</summary>
    public string ExecutablePath { get; }

    /// <summary>The time one print may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True when the executable exists (checked on every call: a package can be installed while a server runs).</summary>
    public bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>Prints an HTML page to PDF.</summary>
    /// <param name="html">A self-contained HTML page (<see cref="HtmlReportWriter"/>).</param>
    /// <param name="cancellationToken">Cancels the print; Chromium is killed.</param>
    /// <returns>The PDF's bytes (they start with <c>%PDF-</c>).</returns>
    /// <exception cref="PdfPrintException">Chromium is not installed (<see cref="PdfPrintException.Unavailable"/>), took
    /// longer than <see cref="Timeout"/>, or wrote no PDF.</exception>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!IsAvailable)
        {
            throw new PdfPrintException($"PDF printing needs Chromium at {ExecutablePath}, which is not installed (Debian: apt-get install chromium).")
            {
                Unavailable = true,
            };
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("crisk-pdf-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            await RunAsync(folder.FullName, page, pdf, cancellationToken).ConfigureAwait(false);
            var bytes = File.Exists(pdf) ? await File.ReadAllBytesAsync(pdf, cancellationToken).ConfigureAwait(false) : [];
            if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                throw new PdfPrintException("Chromium ran but wrote no PDF.");
            }

            return bytes;
        }
        finally
        {
            _slots.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying Chromium: the system's temporary folder cleaning takes it later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private async Task RunAsync(string folder, string page, string pdf, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--mute-audio",
                     // The page needs no network: every host name resolves to nothing.
                     "--host-resolver-rules=MAP * ~NOTFOUND",
                     "--user-data-dir=" + Path.Combine(folder, "profile"),
                     "--no-pdf-header-footer",
                     "--print-to-pdf=" + pdf,
                     new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // HOME inside the folder too: Chromium writes caches there, and the server's user may have no home.
        start.Environment["HOME"] = folder;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new PdfPrintException($"Chromium at {ExecutablePath} could not be started: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        // Drain both streams, or a chatty Chromium blocks on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PdfPrintException($"Chromium did not finish printing within {Timeout.TotalSeconds:0} seconds and was stopped.");
        }

        await Task.WhenAll(output, errors).ConfigureAwait(false);
        if (process.ExitCode != 0 && !File.Exists(pdf))
        {
            throw new PdfPrintException($"Chromium failed (exit code {process.ExitCode}).");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }
}
