using CustomerRisk.Analytics;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Models;

/// <summary>A trained model that replaces the expert scorecard in `assess` (spec/rating.md: "After training, the
/// trained model's output replaces it"). Thread-safe: `assess` scores customers in parallel.</summary>
public interface ICreditScoreModel
{
    /// <summary>What produced the scores, as the output's <c>score_model</c> shows it: <c>model_id@version</c>.</summary>
    string Name { get; }

    /// <summary>Scores one customer as of T. The inputs and the model's arithmetic allocate nothing; only the result
    /// (and its reasons) is allocated, as the expert scorecard's is.</summary>
    /// <param name="ledger">The customer's ledger.</param>
    /// <param name="now">The indicators as of T.</param>
    /// <param name="inputs">The expert scorecard's inputs at T (history months is read from them).</param>
    /// <param name="policy">Gives the score scale (600 at 50:1, PDO 20, [300, 900] by default).</param>
    CreditScoreResult Score(CustomerLedger ledger, CustomerIndicators now, ScoreInputs inputs, CreditPolicy policy);
}
