namespace CustomerRisk.Application.Import;

/// <summary>The file-name codes of <see cref="ImportKind"/> (<c>customers</c>, <c>invoices</c>, …,
/// <c>expert_scores</c>) and the rule that takes a file's kind from its name.</summary>
public static class ImportKinds
{
    private static readonly string[] s_codes =
        ["customers", "invoices", "payments", "claims", "orders", "interactions", "financials", "expert_scores"];

    /// <summary>Every code, in import order.</summary>
    public static IReadOnlyList<string> AllCodes => s_codes;

    /// <summary>The code of a kind, e.g. <c>expert_scores</c>.</summary>
    public static string ToCode(this ImportKind kind) => s_codes[(int)kind];

    /// <summary>Parses a kind code, case-insensitively.</summary>
    public static bool TryParse(string? code, out ImportKind kind)
    {
        var text = (code ?? string.Empty).Trim();
        for (var i = 0; i < s_codes.Length; i++)
        {
            if (text.Equals(s_codes[i], StringComparison.OrdinalIgnoreCase))
            {
                kind = (ImportKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Takes the kind from a file name: the name without its extension is a code (<c>invoices.csv</c>)
    /// or starts with a code followed by <c>_</c> or <c>-</c> (<c>invoices_2026.csv</c>, <c>payments-march.xlsx</c>).
    /// Case does not matter. Rejects files (<c>*.rejects.csv</c>) have no kind.</summary>
    public static bool TryFromFileName(string path, out ImportKind kind)
    {
        kind = default;
        var fileName = Path.GetFileName(path);
        if (fileName.EndsWith(".rejects.csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);

        // Longest code first so that a future code that prefixes another cannot steal its files.
        var best = -1;
        for (var i = 0; i < s_codes.Length; i++)
        {
            var code = s_codes[i];
            var matches = stem.Length == code.Length
                ? stem.Equals(code, StringComparison.OrdinalIgnoreCase)
                : stem.Length > code.Length && stem.StartsWith(code, StringComparison.OrdinalIgnoreCase)
                    && (stem[code.Length] == '_' || stem[code.Length] == '-');
            if (matches && (best < 0 || code.Length > s_codes[best].Length))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        kind = (ImportKind)best;
        return true;
    }
}
