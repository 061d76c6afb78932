namespace CustomerRisk.Modeling.Trees;

/// <summary>Shape and content checks shared by the tree trainers.</summary>
internal static class TrainingChecks
{
    public static void Check(
        FeatureMatrix rows, ReadOnlySpan<byte> labels, IReadOnlyList<FeatureSpec> features, FeatureMatrix? validationRows, byte[]? validationLabels)
    {
        if (labels.Length != rows.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {rows.Rows} rows.", nameof(labels));
        }

        if (features.Count != rows.Columns)
        {
            throw new ArgumentException($"{features.Count} features for {rows.Columns} input columns.", nameof(features));
        }

        var bads = 0;
        foreach (var label in labels)
        {
            if (label > 1)
            {
                throw new ArgumentException("Labels must be 0 or 1.", nameof(labels));
            }

            bads += label;
        }

        if (bads == 0 || bads == labels.Length)
        {
            throw new ModelingDataException("The training rows hold only one outcome; both good and bad rows are needed.");
        }

        if ((validationRows is null) != (validationLabels is null))
        {
            throw new ArgumentException("Validation rows and labels go together.", nameof(validationLabels));
        }

        if (validationRows is not null && (validationRows.Rows != validationLabels!.Length || validationRows.Columns != rows.Columns))
        {
            throw new ArgumentException("Validation rows must match their labels and the training columns.", nameof(validationRows));
        }
    }
}
