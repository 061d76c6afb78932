using System.Runtime.CompilerServices;

namespace CustomerRisk.Policy.Tests;

/// <summary>Finds files of the repository from this source file's place, so tests work whatever the artifacts path.</summary>
internal static class RepositoryFiles
{
    public static string? Find(string relativePath, [CallerFilePath] string sourceFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile) ?? ".");
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return null;
    }
}
