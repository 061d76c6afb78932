using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Ledgers;

/// <summary>Reads saved assessments from a query with the columns customer_id, as_of (day number), run_id (text),
/// grade, credit_score, pd (1/10^9 units), open_ar, overdue_ar, exposure, dso, expected_loss (1/10,000 units),
/// details; the same over both providers.</summary>
internal static class AssessmentDecoding
{
    /// <summary>PD is kept to 9 decimals, amounts and DSO to 4 (rounded half away from zero when saved).</summary>
    public const int PdDecimals = 9;

    public static Dictionary<string, AssessmentRecord> ReadAll(IRowCursor c, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, AssessmentRecord>(StringComparer.Ordinal);
        while (c.Next())
        {
            if ((records.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = new AssessmentRecord
            {
                CustomerId = c.Text(0),
                AsOf = DateOnly.FromDayNumber((int)c.Int64(1)),
                RunId = Guid.Parse(c.Text(2)),
                Grade = Enum.Parse<Grade>(c.Text(3)),
                CreditScore = c.IsNull(4) ? null : (int)c.Int64(4),
                Pd = c.IsNull(5) ? null : StoredAmount.FromScaled(c.Int64(5), PdDecimals),
                OpenAr = StoredAmount.FromScaled(c.Int64(6)),
                OverdueAr = StoredAmount.FromScaled(c.Int64(7)),
                Exposure = StoredAmount.FromScaled(c.Int64(8)),
                Dso = c.IsNull(9) ? null : StoredAmount.FromScaled(c.Int64(9)),
                ExpectedLoss = c.IsNull(10) ? null : StoredAmount.FromScaled(c.Int64(10)),
                Details = c.Text(11),
            };
            records[record.CustomerId] = record;
        }

        return records;
    }
}
