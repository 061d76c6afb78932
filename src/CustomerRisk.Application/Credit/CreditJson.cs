using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Credit;

/// <summary>How credit operations write JSON: snake_case keys, nulls written (spec/cli.md).</summary>
public static class CreditJson
{
    /// <summary>The options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        // Policy versions carry a '+', reasons may carry any text: written as is, not as \u escapes (the output is
        // never embedded in HTML by us).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a value with <see cref="Options"/>.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A money amount as printed: rounded half away from zero to 2 decimals.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
