using System.Text;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>The saved result of assessing one customer: the figures that are queried (grade, score, exposure) as
/// columns, and the whole assessment as JSON in <see cref="Details"/> (the object of `crisk assess --format json`).</summary>
public sealed record AssessmentRecord
{
    public required string CustomerId { get; init; }
    public required DateOnly AsOf { get; init; }
    public required Guid RunId { get; init; }
    public required Grade Grade { get; init; }
    public int? CreditScore { get; init; }
    public decimal? Pd { get; init; }
    public decimal OpenAr { get; init; }
    public decimal OverdueAr { get; init; }
    public decimal Exposure { get; init; }
    public decimal? Dso { get; init; }
    public decimal? ExpectedLoss { get; init; }

    /// <summary>The assessment as JSON text. When the record was made with <see cref="DetailsUtf8"/> only, decoded from
    /// it on first read.</summary>
    public string Details
    {
        get => _details ??= Encoding.UTF8.GetString(DetailsUtf8.Span);
        init => _details = value;
    }

    /// <summary>The same JSON as UTF-8 bytes, when the maker had them (an assessment run serialises each customer
    /// once, to UTF-8); empty otherwise. A store writes these bytes as they are instead of encoding
    /// <see cref="Details"/> again: on 100,000 customers that saves 320 MB of UTF-16 text.</summary>
    public ReadOnlyMemory<byte> DetailsUtf8 { get; init; }

    private string? _details;
}
