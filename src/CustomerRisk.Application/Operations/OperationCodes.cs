using System.Text;

namespace CustomerRisk.Application.Operations;

/// <summary>The snake_case text codes of the operations enums (alert status, review decision, collection action,
/// promise status, cover kind), as stored and as typed on the command line.</summary>
public static class OperationCodes
{
    /// <summary>The code of an enum value: <c>RaiseLimit</c> → <c>raise_limit</c>.</summary>
    public static string ToCode<TEnum>(TEnum value) where TEnum : struct, Enum => Snake(value.ToString());

    /// <summary>Parses a code (case-insensitive, surrounding blanks ignored).</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var code = text?.Trim() ?? string.Empty;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a code or refuses with a message naming the accepted codes.</summary>
    /// <exception cref="OperationRefusedException">The text is not a code of <typeparamref name="TEnum"/>.</exception>
    public static TEnum Parse<TEnum>(string? text, string what) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new OperationRefusedException($"{what} '{text}' is not one of {string.Join(", ", CodesOf<TEnum>())}.");

    /// <summary>Every code of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> CodesOf<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => ToCode(v)).ToArray();

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
