namespace CustomerRisk.Modeling.Trees;

/// <summary>How one tree is grown from gradients and Hessians.</summary>
internal sealed record GrowthSettings
{
    public int MaxDepth { get; init; } = 6;

    public double MinChildWeight { get; init; } = 1;

    public double Lambda { get; init; } = 1;

    public double MinSplitGain { get; init; }

    public double LearningRate { get; init; } = 1;

    /// <summary>Share of allowed features tried at each node (random forest); 1 = all.</summary>
    public double ColumnSampleByNode { get; init; } = 1;

    public int Threads { get; init; } = -1;
}
