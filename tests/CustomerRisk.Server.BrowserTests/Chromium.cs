namespace CustomerRisk.Server.BrowserTests;

/// <summary>Debian's Chromium, driven by Playwright through its executable path: no browser is ever downloaded.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);
}

/// <summary>A browser test: skipped, with the reason, when /usr/bin/chromium is absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = $"{Chromium.Path} is not installed (apt-get install -y chromium); browser tests need Debian's Chromium.";
        }
    }
}
