namespace CustomerRisk.Analytics;

/// <summary>Open receivables by days past due (spec/indicators.md, <c>aging</c>). Money in the portfolio currency,
/// each ≥ 0. The bucket names follow the default edges; a policy with other edges keeps the names and moves the
/// edges.</summary>
/// <param name="Current">Not yet past due (dpd 0; JSON <c>current</c>).</param>
/// <param name="D1To30">1–30 days past due (<c>d1_30</c>).</param>
/// <param name="D31To60">31–60 days past due (<c>d31_60</c>).</param>
/// <param name="D61To90">61–90 days past due (<c>d61_90</c>).</param>
/// <param name="D91To180">91–180 days past due (<c>d91_180</c>).</param>
/// <param name="D181Plus">More than 180 days past due (<c>d181_plus</c>).</param>
public readonly record struct AgingBuckets(
    decimal Current,
    decimal D1To30,
    decimal D31To60,
    decimal D61To90,
    decimal D91To180,
    decimal D181Plus)
{
    /// <summary>The sum of the buckets; equals open AR.</summary>
    public decimal Total => Current + D1To30 + D31To60 + D61To90 + D91To180 + D181Plus;

    /// <summary>The part past due (every bucket but <see cref="Current"/>); equals overdue AR when the first edge
    /// is 0.</summary>
    public decimal PastDue => D1To30 + D31To60 + D61To90 + D91To180 + D181Plus;

    /// <summary>Adds two agings bucket by bucket (for portfolio sums).</summary>
    public static AgingBuckets operator +(AgingBuckets left, AgingBuckets right) => new(
        left.Current + right.Current,
        left.D1To30 + right.D1To30,
        left.D31To60 + right.D31To60,
        left.D61To90 + right.D61To90,
        left.D91To180 + right.D91To180,
        left.D181Plus + right.D181Plus);

    /// <summary>Adds two agings bucket by bucket (for portfolio sums).</summary>
    public static AgingBuckets Add(AgingBuckets left, AgingBuckets right) => left + right;
}
