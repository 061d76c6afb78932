namespace CustomerRisk.Domain;

/// <summary>The text codes of the import format and the JSON output (snake_case), and their enum values.
/// Parsing is case-insensitive; <c>product_focus</c> also accepts the letters A–D.</summary>
public static class Codes
{
    /// <summary>Parses a product focus code (<c>exclusive</c>, <c>mainly_ours</c>, <c>equal</c>,
    /// <c>mainly_competitor</c>, or the letters <c>A</c>–<c>D</c>).</summary>
    public static bool TryParseProductFocus(ReadOnlySpan<char> text, out ProductFocus value)
    {
        text = text.Trim();
        if (Is(text, "exclusive") || Is(text, "A")) { value = ProductFocus.Exclusive; return true; }
        if (Is(text, "mainly_ours") || Is(text, "B")) { value = ProductFocus.MainlyOurs; return true; }
        if (Is(text, "equal") || Is(text, "C")) { value = ProductFocus.Equal; return true; }
        if (Is(text, "mainly_competitor") || Is(text, "D")) { value = ProductFocus.MainlyCompetitor; return true; }
        value = default;
        return false;
    }

    /// <summary>The code of a product focus.</summary>
    public static string ToCode(this ProductFocus value) => value switch
    {
        ProductFocus.Exclusive => "exclusive",
        ProductFocus.MainlyOurs => "mainly_ours",
        ProductFocus.Equal => "equal",
        ProductFocus.MainlyCompetitor => "mainly_competitor",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown product focus."),
    };

    /// <summary>Parses a claim reason code (<c>quality</c>, <c>shortage</c>, <c>price</c>, <c>other</c>).</summary>
    public static bool TryParseClaimReason(ReadOnlySpan<char> text, out ClaimReason value) =>
        TryParseSnake(text, out value);

    /// <summary>The code of a claim reason.</summary>
    public static string ToCode(this ClaimReason value) => ToSnake(value.ToString());

    /// <summary>Parses an order status code (<c>open</c>, <c>invoiced</c>, <c>cancelled</c>).</summary>
    public static bool TryParseOrderStatus(ReadOnlySpan<char> text, out OrderStatus value) =>
        TryParseSnake(text, out value);

    /// <summary>The code of an order status.</summary>
    public static string ToCode(this OrderStatus value) => ToSnake(value.ToString());

    /// <summary>Parses an interaction type code (<c>complaint</c>, <c>promise_to_pay</c>, …).</summary>
    public static bool TryParseInteractionType(ReadOnlySpan<char> text, out InteractionType value) =>
        TryParseSnake(text, out value);

    /// <summary>The code of an interaction type.</summary>
    public static string ToCode(this InteractionType value) => ToSnake(value.ToString());

    /// <summary>Parses an expert criterion code (<c>collection_effort</c>, <c>claim_cause</c>, <c>bad_record</c>,
    /// <c>overall</c>).</summary>
    public static bool TryParseExpertCriterion(ReadOnlySpan<char> text, out ExpertCriterion value) =>
        TryParseSnake(text, out value);

    /// <summary>The code of an expert criterion.</summary>
    public static string ToCode(this ExpertCriterion value) => ToSnake(value.ToString());

    /// <summary>The letter of a grade (<c>A</c>…<c>D</c>, <c>N</c>).</summary>
    public static string ToCode(this Grade value) => value switch
    {
        // A switch, not ToString: that boxes the value, several times per customer in an assessment run.
        Grade.A => "A",
        Grade.B => "B",
        Grade.C => "C",
        Grade.D => "D",
        Grade.N => "N",
        _ => value.ToString(),
    };

    /// <summary>The codes an enum accepts, for error messages.</summary>
    public static IReadOnlyList<string> CodesOf<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(ToSnake).ToArray();

    private static bool TryParseSnake<TEnum>(ReadOnlySpan<char> text, out TEnum value) where TEnum : struct, Enum
    {
        text = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Is(text, ToSnake(candidate.ToString())))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool Is(ReadOnlySpan<char> text, string code) => text.Equals(code, StringComparison.OrdinalIgnoreCase);

    private static string ToSnake(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
