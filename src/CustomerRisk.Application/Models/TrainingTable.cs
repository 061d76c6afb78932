using System.Globalization;
using System.Text;

namespace CustomerRisk.Application.Models;

/// <summary>One row of the PD training table: a customer at a snapshot date.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The snapshot date T.</param>
/// <param name="Inputs"><see cref="PdFeatures.Count"/> values in <see cref="PdFeatures.Names"/> order; NaN missing.</param>
/// <param name="Defaulted">The label: an invoice reached 90+ days past due in (T, T + 365].</param>
/// <param name="ExpertPd">The expert scorecard's PD at T under the policy given, for comparison; not an input.</param>
public sealed record TrainingRow(string CustomerId, DateOnly AsOf, double[] Inputs, bool Defaulted, double ExpertPd);

/// <summary>The PD training table (docs/modeling.md): identifier columns <c>customer_id</c>, <c>as_of</c>, the
/// inputs of <see cref="PdFeatures"/> that vary (an input with one value in every row is left out: it cannot separate
/// good from bad and the trainer refuses it), the comparison column <c>expert_pd</c> and the label
/// <c>default_12m</c> (1 bad, 0 good). Rows are in snapshot order, then customer_id order.</summary>
public sealed class TrainingTable
{
    /// <summary>The label column.</summary>
    public const string LabelColumn = "default_12m";

    /// <summary>The columns that are not inputs: pass them to <c>crisk model train --ignore</c>.</summary>
    public static IReadOnlyList<string> NonInputColumns { get; } = ["customer_id", "as_of", "expert_pd"];

    /// <summary>The column that groups a customer's snapshots: pass it to <c>crisk model train --group</c> so the
    /// held-out part and the folds take whole customers.</summary>
    public const string GroupColumn = "customer_id";

    /// <summary>Wraps built rows.</summary>
    public TrainingTable(IReadOnlyList<TrainingRow> rows, IReadOnlyList<DateOnly> snapshots, DateOnly dataEnd)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(snapshots);
        Rows = rows;
        Snapshots = snapshots;
        DataEnd = dataEnd;
        var kept = new List<int>();
        var dropped = new List<string>();
        for (var f = 0; f < PdFeatures.Count; f++)
        {
            if (Varies(rows, f))
            {
                kept.Add(f);
            }
            else
            {
                dropped.Add(PdFeatures.Names[f]);
            }
        }

        InputIndexes = kept;
        DroppedInputs = dropped;
    }

    /// <summary>The rows.</summary>
    public IReadOnlyList<TrainingRow> Rows { get; }

    /// <summary>The snapshot dates, oldest first.</summary>
    public IReadOnlyList<DateOnly> Snapshots { get; }

    /// <summary>The latest date of any record in the store.</summary>
    public DateOnly DataEnd { get; }

    /// <summary>Indexes into <see cref="PdFeatures.Names"/> of the inputs written.</summary>
    public IReadOnlyList<int> InputIndexes { get; }

    /// <summary>Inputs left out because they hold one value (or nothing) in every row.</summary>
    public IReadOnlyList<string> DroppedInputs { get; }

    /// <summary>Rows labelled bad.</summary>
    public int Bads => Rows.Count(r => r.Defaulted);

    /// <summary>Writes the table as CSV (RFC 4180, invariant numbers in round-trip form, empty for missing).</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder(512);
        line.Append("customer_id,as_of");
        foreach (var f in InputIndexes)
        {
            line.Append(',').Append(PdFeatures.Names[f]);
        }

        line.Append(",expert_pd,").Append(LabelColumn);
        writer.Write(line.Append('\n'));
        foreach (var row in Rows)
        {
            line.Clear();
            line.Append(Quote(row.CustomerId)).Append(',').Append(row.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var f in InputIndexes)
            {
                line.Append(',');
                var v = row.Inputs[f];
                if (double.IsNaN(v))
                {
                    continue;
                }

                if (f == PdFeatures.ProductFocusIndex)
                {
                    line.Append(PdFeatures.ProductFocusLevels[(int)v]);
                }
                else
                {
                    line.Append(v.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            line.Append(',').Append(row.ExpertPd.ToString("R", CultureInfo.InvariantCulture));
            line.Append(',').Append(row.Defaulted ? '1' : '0').Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>The table as CSV text.</summary>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    private static bool Varies(IReadOnlyList<TrainingRow> rows, int f)
    {
        if (rows.Count == 0)
        {
            return true;
        }

        var first = rows[0].Inputs[f];
        foreach (var row in rows)
        {
            var v = row.Inputs[f];
            if (!(v.Equals(first)))
            {
                return true; // NaN equals NaN here, so missing against present counts as varying
            }
        }

        return false;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
