namespace CustomerRisk.Application.Collateral;

/// <summary>What kind of cover an item is (seed 004: 担保). Codes: <c>guarantee</c>, <c>collateral</c>,
/// <c>credit_insurance</c>, <c>deposit</c>, <c>letter_of_credit</c>.</summary>
public enum CoverKind
{
    /// <summary>A third party's guarantee (a parent company, a bank).</summary>
    Guarantee,

    /// <summary>A pledge or mortgage of an asset.</summary>
    Collateral,

    /// <summary>Trade-credit insurance.</summary>
    CreditInsurance,

    /// <summary>A cash deposit held.</summary>
    Deposit,

    /// <summary>A letter of credit.</summary>
    LetterOfCredit,
}
