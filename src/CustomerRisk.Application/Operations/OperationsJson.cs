using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Operations;

/// <summary>The JSON options of the operations records (snapshots, webhook payloads, decisions): snake_case keys,
/// enums as snake_case codes, nulls written, not indented.</summary>
public static class OperationsJson
{
    /// <summary>The shared options; immutable once first used.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Serialises a value with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
