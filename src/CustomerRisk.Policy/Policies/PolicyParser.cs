using System.Globalization;
using CustomerRisk.Domain;
using YamlDotNet.RepresentationModel;

namespace CustomerRisk.Policy;

/// <summary>Reads typed values out of the YAML representation model, collecting every error with the line of the
/// offending node, so that one load reports all the problems of a file.</summary>
internal sealed class PolicyParser
{
    private readonly List<PolicyError> _errors = [];

    public IReadOnlyList<PolicyError> Errors => _errors;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public void Error(YamlNode node, string message) =>
        _errors.Add(new PolicyError((int)node.Start.Line, (int)node.Start.Column, message));

    public YamlMap? Map(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(this, mapping, path);
        }

        Error(node, $"'{path}' must be a mapping of keys to values");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToArray();
        }

        Error(node, $"'{path}' must be a list");
        return null;
    }

    public string? Text(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"'{path}' must be a single value");
        return null;
    }

    /// <summary>A decimal within [min, max] (bounds inclusive unless said otherwise).</summary>
    public decimal? Decimal(YamlNode? node, string path, decimal? min = null, decimal? max = null, bool minExclusive = false)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(node!, $"'{path}' must be a number, found '{text}'");
            return null;
        }

        return InRange(node!, path, value, min, max, minExclusive) ? value : null;
    }

    /// <summary>A fraction 0–1 (a probability or a share).</summary>
    public decimal? Probability(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(node!, $"'{path}' must be a number, found '{text}'");
            return null;
        }

        if (value < 0m || value > 1m)
        {
            Error(node!, $"'{path}' is a probability or share and must be between 0 and 1, found {text}");
            return null;
        }

        return value;
    }

    public int? Integer(YamlNode? node, string path, int? min = null, int? max = null)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node!, $"'{path}' must be a whole number, found '{text}'");
            return null;
        }

        return InRange(node!, path, value, min, max, false) ? value : null;
    }

    public bool? Boolean(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node!, $"'{path}' must be true or false, found '{text}'");
        return null;
    }

    /// <summary>A mean threshold written as a number (2, 2.5) or an exact fraction (8/3).</summary>
    public MeanThreshold? Fraction(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && long.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && long.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0
            && numerator <= 1_000_000 && denominator <= 1_000_000)
        {
            return new MeanThreshold(numerator, denominator);
        }

        if (slash < 0 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 0m && value <= 1_000_000m && value.Scale <= 6)
        {
            long scale = 1;
            for (var i = 0; i < value.Scale; i++)
            {
                scale *= 10;
            }

            return new MeanThreshold((long)(value * scale), scale);
        }

        Error(node!, $"'{path}' must be a number or a fraction like 8/3, found '{text}'");
        return null;
    }

    public Grade? Grade(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 1 && System.Enum.TryParse<Grade>(text, ignoreCase: true, out var grade))
        {
            return grade;
        }

        Error(node!, $"'{path}' must be a grade A, B, C, D or N, found '{text}'");
        return null;
    }

    public IReadOnlySet<Grade>? Grades(YamlNode? node, string path)
    {
        var items = Sequence(node, path);
        if (items is null)
        {
            return null;
        }

        var grades = new HashSet<Grade>();
        foreach (var item in items)
        {
            if (Grade(item, path) is { } grade && !grades.Add(grade))
            {
                Error(item, $"'{path}' lists grade {grade} twice");
            }
        }

        return grades;
    }

    /// <summary>A snake_case code from a fixed list (the value of <paramref name="codes"/> at the code).</summary>
    public T? Code<T>(YamlNode? node, string path, IReadOnlyDictionary<string, T> codes, string what)
        where T : struct
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (codes.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        Error(node!, $"'{path}': unknown {what} '{text}'; expected one of: {string.Join(", ", codes.Keys)}");
        return null;
    }

    private bool InRange<T>(YamlNode node, string path, T value, T? min, T? max, bool minExclusive)
        where T : struct, IComparable<T>
    {
        if (min is { } low && (minExclusive ? value.CompareTo(low) <= 0 : value.CompareTo(low) < 0))
        {
            var bound = minExclusive ? "greater than" : "at least";
            var hint = low.CompareTo(default) == 0 && !minExclusive ? " (it may not be negative)" : "";
            Error(node, $"'{path}' must be {bound} {Format(low)}{hint}, found {Format(value)}");
            return false;
        }

        if (max is { } high && value.CompareTo(high) > 0)
        {
            Error(node, $"'{path}' must be at most {Format(high)}, found {Format(value)}");
            return false;
        }

        return true;
    }

    private static string Format<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
