using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Assess;

/// <summary>Serialisation code for <see cref="CustomerAssessment"/> generated at compile time, with the options of
/// <see cref="AssessPortfolio.Json"/>: a saving run serialises every customer once (100,000 on the demo portfolio),
/// and the generated writer sets down the properties directly instead of walking the reflected metadata with a
/// stack of frames per object. It writes the same bytes as <c>JsonSerializer.SerializeToUtf8Bytes(assessment,
/// AssessPortfolio.Json)</c> (tested).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CustomerAssessment))]
internal sealed partial class AssessmentJson : JsonSerializerContext
{
    /// <summary>The assessment as UTF-8 JSON, as the store keeps it and `--format json` prints it.</summary>
    public static byte[] Serialize(CustomerAssessment assessment) => JsonSerializer.SerializeToUtf8Bytes(assessment, Default.CustomerAssessment);

    /// <summary>Writes the same bytes as <see cref="Serialize(CustomerAssessment)"/> to <paramref name="writer"/> (made
    /// with default <see cref="JsonWriterOptions"/>, as the serialiser's own is for these options).</summary>
    public static void Serialize(Utf8JsonWriter writer, CustomerAssessment assessment) =>
        JsonSerializer.Serialize(writer, assessment, Default.CustomerAssessment);
}
