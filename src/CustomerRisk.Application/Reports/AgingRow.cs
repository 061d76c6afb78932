namespace CustomerRisk.Application.Reports;

/// <summary>One aging bucket of open receivables.</summary>
/// <param name="Bucket">The bucket's code (<c>current</c>, <c>d1_30</c>, …).</param>
/// <param name="Label">The bucket in words ("1–30 days past due").</param>
/// <param name="Amount">Open amount in the bucket, money.</param>
/// <param name="Share">Its share of open AR, 0–1; null when open AR is 0.</param>
public sealed record AgingRow(string Bucket, string Label, decimal Amount, decimal? Share);
