using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Schema;

/// <summary>The text codes stored for enums (the import format's snake_case), cached so writing a row allocates no
/// string, and the SQL CASE expressions that turn them back into the enum's number when reading a ledger.</summary>
internal static class StoredCodes
{
    private static readonly string[] ProductFocusCodes = CodesOf<ProductFocus>(v => v.ToCode());
    private static readonly string[] ClaimReasonCodes = CodesOf<ClaimReason>(v => v.ToCode());
    private static readonly string[] OrderStatusCodes = CodesOf<OrderStatus>(v => v.ToCode());
    private static readonly string[] InteractionTypeCodes = CodesOf<InteractionType>(v => v.ToCode());
    private static readonly string[] ExpertCriterionCodes = CodesOf<ExpertCriterion>(v => v.ToCode());

    public static string Of(ProductFocus value) => ProductFocusCodes[(int)value];

    public static string Of(ClaimReason value) => ClaimReasonCodes[(int)value];

    public static string Of(OrderStatus value) => OrderStatusCodes[(int)value];

    public static string Of(InteractionType value) => InteractionTypeCodes[(int)value];

    public static string Of(ExpertCriterion value) => ExpertCriterionCodes[(int)value];

    /// <summary>A SQL expression giving the enum's number for a code column (NULL for NULL, -1 for an unknown code), so
    /// the ledger reader reads an integer instead of allocating a string per row.</summary>
    public static string CaseExpression<TEnum>(string column) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var arms = string.Concat(values.Select(v =>
            $" WHEN '{CodeOf(v)}' THEN {Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)}"));
        return $"(CASE WHEN {column} IS NULL THEN NULL{arms.Replace(" WHEN '", $" WHEN {column} = '", StringComparison.Ordinal)} ELSE -1 END)";
    }

    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (CodeOf(value) == code)
            {
                return value;
            }
        }

        throw new InvalidDataException($"The store holds an unknown {typeof(TEnum).Name} code '{code}'.");
    }

    public static string CodeOf<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        ProductFocus v => Of(v),
        ClaimReason v => Of(v),
        OrderStatus v => Of(v),
        InteractionType v => Of(v),
        ExpertCriterion v => Of(v),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No stored code for this enum."),
    };

    private static string[] CodesOf<TEnum>(Func<TEnum, string> code) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var codes = new string[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            codes[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = code(value);
        }

        return codes;
    }
}
