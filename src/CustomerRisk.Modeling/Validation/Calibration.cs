namespace CustomerRisk.Modeling.Validation;

/// <summary>Compares predicted probabilities with observed bad rates band by band.</summary>
public static class Calibration
{
    /// <summary>
    /// Sorts rows by predicted probability and cuts them into <paramref name="bands"/> groups of equal size (the
    /// first groups take one row more when rows do not divide evenly); deciles by default.
    /// </summary>
    /// <param name="probabilities">Predicted probability of bad per row, 0–1.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    /// <param name="bands">Number of bands, 1 or more; empty bands are left out when there are fewer rows.</param>
    public static IReadOnlyList<CalibrationBand> Table(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels, int bands = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        if (probabilities.Length != labels.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} labels.", nameof(probabilities));
        }

        var keys = probabilities.ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, order);
        var result = new List<CalibrationBand>(bands);
        var start = 0;
        for (var b = 0; b < bands; b++)
        {
            var size = (keys.Length / bands) + (b < keys.Length % bands ? 1 : 0);
            if (size == 0)
            {
                continue;
            }

            double sum = 0;
            var bads = 0;
            for (var i = start; i < start + size; i++)
            {
                sum += keys[i];
                bads += labels[order[i]];
            }

            result.Add(new CalibrationBand(b + 1, size, keys[start], keys[start + size - 1], sum / size, (double)bads / size, bads));
            start += size;
        }

        return result;
    }
}
