namespace CustomerRisk.Modeling.Tests;

/// <summary>Finds the shared data sets: $CRISK_SHARED_DATA, or a folder <c>shared/data</c> above the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Folder => Root.Value;

    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Folder ?? throw new InvalidOperationException("Shared data not found."), relative);

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CRISK_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        // The test binaries may sit in an artifacts folder outside the repository, so the source file's own
        // location (recorded by the compiler) is tried after the binaries' folder.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceFolder() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path) ?? ".";
}

/// <summary>A fact that needs a file from the shared data sets; skipped with a message when the file is not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataSetFactAttribute : FactAttribute
{
    public DataSetFactAttribute(string relativePath)
    {
        var folder = SharedData.Folder;
        if (folder is null)
        {
            Skip = "The shared data folder (shared/data above the repository, or $CRISK_SHARED_DATA) is not present.";
        }
        else if (!File.Exists(System.IO.Path.Combine(folder, relativePath)))
        {
            Skip = $"The data set {relativePath} is not present in {folder}.";
        }
    }
}
