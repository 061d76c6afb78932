using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace CustomerRisk.Policy;

/// <summary>The canonical text of a policy and its fingerprint. Keys are sorted, numbers normalised (1.0 = 1.00) and
/// comments and layout dropped, so that only a change of meaning changes the version.</summary>
internal static class CanonicalText
{
    public static string Fingerprint(YamlNode root)
    {
        var text = Of(root);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..12];
    }

    public static string Of(YamlNode root)
    {
        var builder = new StringBuilder();
        Write(builder, root);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in mapping.Children
                    .Select(pair => (Key: ((YamlScalarNode)pair.Key).Value ?? "", pair.Value))
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Quote(builder, key);
                    builder.Append(':');
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, sequence.Children[i]);
                }

                builder.Append(']');
                break;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (PolicyParser.IsNull(scalar))
                {
                    builder.Append("null");
                }
                else if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    builder.Append(number.ToString("G29", CultureInfo.InvariantCulture));
                }
                else
                {
                    Quote(builder, text);
                }

                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void Quote(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
    }
}
