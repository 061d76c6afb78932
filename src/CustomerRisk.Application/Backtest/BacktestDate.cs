namespace CustomerRisk.Application.Backtest;

/// <summary>One replayed as-of date.</summary>
/// <param name="AsOf">The date both policies were applied as of.</param>
/// <param name="OutcomeEnd">The last day of the outcome window: as-of + the outcome months, or the last day the
/// ledger knows, whichever comes first.</param>
/// <param name="OutcomeComplete">False when the ledger ends before the full outcome window: bad rates are then
/// understated.</param>
/// <param name="Comparison">The two policies side by side.</param>
public sealed record BacktestDate(DateOnly AsOf, DateOnly OutcomeEnd, bool OutcomeComplete, BacktestComparison Comparison);
