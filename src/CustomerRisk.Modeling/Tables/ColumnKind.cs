namespace CustomerRisk.Modeling.Tables;

/// <summary>How a column's values are held and compared.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers; a missing value is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Named levels held as integer codes into the level list; a missing value is code -1.</summary>
    Categorical,
}
