using CustomerRisk.Application.Reports;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>The PDF printer's failures, with stand-in executables (small shell scripts) in place of Chromium: absent,
/// hanging past the time limit, or exiting without a PDF. Each gives a PdfPrintException saying which, and leaves no
/// temporary folder behind.</summary>
public sealed class ChromiumPdfPrinterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crisk-printer-tests-").FullName;

    [Fact]
    public async Task AMissingBrowser_IsReportedAsUnavailable_WithoutTryingAnything()
    {
        var printer = new ChromiumPdfPrinter(Path.Combine(_folder, "no-chromium"));

        var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync("<html/>", default));

        Assert.False(printer.IsAvailable);
        Assert.True(error.Unavailable);
        Assert.Contains("is not installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserThatHangs_IsKilledAtTheTimeLimit()
    {
        var printer = new ChromiumPdfPrinter(Script("hangs", "exec sleep 600"), TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync("<html/>", default));

        Assert.False(error.Unavailable);
        Assert.Contains("did not finish printing within 1 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserThatWritesNoPdf_IsAFailure()
    {
        var printer = new ChromiumPdfPrinter(Script("silent", "exit 0"));

        var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync("<html/>", default));

        Assert.Contains("wrote no PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBrowserGetsTheSelfContainedPage_AndTheOptionsThatKeepItOffline_AndThePdfComesBack()
    {
        // A stand-in that records its arguments and the page it was given, and writes a PDF where it was told to.
        var log = Path.Combine(_folder, "args.txt");
        var printer = new ChromiumPdfPrinter(Script("fake", $$"""
            printf '%s\n' "$@" > '{{log}}'
            for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done
            cp "$page" '{{_folder}}/page.html'
            printf '%%PDF-1.4 fake' > "$out"
            """));

        var pdf = await printer.PrintAsync("<html><body>C1 &amp; Co</body></html>", default);

        Assert.Equal("%PDF-1.4 fake", System.Text.Encoding.ASCII.GetString(pdf));
        Assert.Equal("<html><body>C1 &amp; Co</body></html>", await File.ReadAllTextAsync(Path.Combine(_folder, "page.html")));
        var args = await File.ReadAllLinesAsync(log);
        Assert.Contains("--headless", args);
        Assert.Contains("--no-pdf-header-footer", args);
        Assert.Contains("--host-resolver-rules=MAP * ~NOTFOUND", args);
        var temporary = Path.GetDirectoryName(args.Single(a => a.StartsWith("--print-to-pdf=", StringComparison.Ordinal))["--print-to-pdf=".Length..])!;
        Assert.False(Directory.Exists(temporary), "the temporary folder is deleted after printing");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Script(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
