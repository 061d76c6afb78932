namespace CustomerRisk.Policy.Tests;

/// <summary>Variants of the default policy text for tests of the loader.</summary>
internal static class PolicyText
{
    public static string Default => PolicyLoader.DefaultPolicyText();

    /// <summary>The default text with the first occurrence of <paramref name="find"/> replaced, and the 1-based line
    /// it is on.</summary>
    public static (string Text, int Line) Replace(string find, string replacement)
    {
        var text = Default;
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The default policy no longer contains '{find}'.");
        var line = text.AsSpan(0, at).Count('\n') + 1;
        return (string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length)), line);
    }

    public static CreditPolicy With(string find, string replacement) =>
        PolicyLoader.Load(Replace(find, replacement).Text, "test.yaml");
}
