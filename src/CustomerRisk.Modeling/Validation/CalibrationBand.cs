namespace CustomerRisk.Modeling.Validation;

/// <summary>One band of a calibration table: rows of similar predicted probability.</summary>
/// <param name="Band">Band number, 1 = lowest predicted probability.</param>
/// <param name="Rows">Rows in the band.</param>
/// <param name="MinPredicted">Lowest predicted probability in the band, 0–1.</param>
/// <param name="MaxPredicted">Highest predicted probability in the band, 0–1.</param>
/// <param name="MeanPredicted">Average predicted probability, 0–1.</param>
/// <param name="ObservedBadRate">Share of bad rows, 0–1.</param>
/// <param name="Bads">Bad rows in the band.</param>
public sealed record CalibrationBand(
    int Band, int Rows, double MinPredicted, double MaxPredicted, double MeanPredicted, double ObservedBadRate, int Bads);
