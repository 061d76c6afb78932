namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// The log loss of a margin (log-odds of bad) against a label, with its first and second derivatives in the margin:
/// the quantities second-order boosting fits. With p = σ(m): loss = −[y ln p + (1 − y) ln(1 − p)],
/// d loss / dm = p − y, d² loss / dm² = p (1 − p).
/// </summary>
public static class LogisticLoss
{
    /// <summary>The loss, at least 0, computed without overflow for large |margin|.</summary>
    /// <param name="label">1 bad, 0 good.</param>
    /// <param name="margin">Log-odds of bad.</param>
    public static double Loss(byte label, double margin)
    {
        var m = label == 1 ? -margin : margin;
        return m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m));
    }

    /// <summary>First derivative of the loss in the margin: p − y, −1 to 1.</summary>
    /// <param name="label">1 bad, 0 good.</param>
    /// <param name="margin">Log-odds of bad.</param>
    public static double Gradient(byte label, double margin) => Linear.LogisticRegression.Sigmoid(margin) - label;

    /// <summary>Second derivative of the loss in the margin: p (1 − p), 0–0.25.</summary>
    /// <param name="label">1 bad, 0 good (the Hessian does not depend on it).</param>
    /// <param name="margin">Log-odds of bad.</param>
    public static double Hessian(byte label, double margin)
    {
        _ = label;
        var p = Linear.LogisticRegression.Sigmoid(margin);
        return p * (1 - p);
    }
}
