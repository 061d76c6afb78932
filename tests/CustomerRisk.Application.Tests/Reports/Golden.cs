using System.Runtime.CompilerServices;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>Golden files: the expected output kept beside the tests (copied to the output folder). The policy version
/// is replaced by <c>{policy}</c> first, so a re-versioned default policy does not fail a test that its rules still
/// pass. To accept a deliberate change, run the tests with CRISK_UPDATE_GOLDEN=1 and review the diff.</summary>
public static class Golden
{
    public static void AssertMatches(string name, string actual, string policyVersion, [CallerFilePath] string sourceFile = "")
    {
        var normalised = actual.Replace(policyVersion, "{policy}", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CRISK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", name), normalised);
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Reports", "Golden", name);
        Assert.True(File.Exists(expectedPath), $"no golden file {name}; run with CRISK_UPDATE_GOLDEN=1 to write it");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        if (expected != normalised)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), "crisk-golden-" + name);
            File.WriteAllText(actualPath, normalised);
            var expectedLines = expected.Split('\n');
            var actualLines = normalised.Split('\n');
            var line = 0;
            while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail($"{name} differs from line {line + 1} (actual written to {actualPath}):\n" +
                $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
                $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}");
        }
    }
}
