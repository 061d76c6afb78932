namespace CustomerRisk.Analytics;

/// <summary>Scratch buffers reused from one customer to the next, so that computing the indicators of a whole
/// portfolio allocates only the results. The buffers grow to the largest ledger seen and are kept.
/// Not thread-safe: use one workspace per thread.</summary>
public sealed class IndicatorWorkspace
{
    private InvoiceSettlement[] _settlements = [];
    private decimal[] _remaining = [];
    private int[] _settledDay = [];
    private int[] _issueOrder = [];
    private int[] _days = [];

    /// <summary>The policy most recently validated with this workspace; validating once per portfolio, not once per
    /// customer, keeps the hot loop lean.</summary>
    internal IndicatorPolicy? ValidatedPolicy { get; set; }

    internal Span<InvoiceSettlement> Settlements(int count) => Grow(ref _settlements, count).AsSpan(0, count);

    internal Span<decimal> Remaining(int count) => Grow(ref _remaining, count).AsSpan(0, count);

    internal Span<int> SettledDay(int count) => Grow(ref _settledDay, count).AsSpan(0, count);

    internal Span<int> IssueOrder(int count) => Grow(ref _issueOrder, count).AsSpan(0, count);

    internal Span<int> Days(int count) => Grow(ref _days, count).AsSpan(0, count);

    internal void EnsureValidated(IndicatorPolicy policy)
    {
        if (!ReferenceEquals(ValidatedPolicy, policy))
        {
            policy.Validate();
            ValidatedPolicy = policy;
        }
    }

    private static T[] Grow<T>(ref T[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new T[Math.Max(count, Math.Max(16, buffer.Length * 2))];
        }

        return buffer;
    }
}
