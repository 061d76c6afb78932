namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// One binary tree over numeric inputs. Internal node i sends a row left when <c>row[Feature[i]] ≤ Threshold[i]</c>,
/// right when greater, and a missing value (NaN) to the side <see cref="DefaultLeft"/> says. A child index ≥ 0 is an
/// internal node; a negative child c is the leaf <c>~c</c>. Node 0 is the root; a tree always has at least one
/// internal node (a single-leaf tree is a node whose both children are leaf 0). Immutable.
/// </summary>
public sealed class RegressionTree
{
    /// <summary>Builds a tree from its node arrays (all internal-node arrays of equal length).</summary>
    /// <param name="feature">Input index tested at each internal node.</param>
    /// <param name="threshold">Threshold at each internal node; +∞ sends every present value left.</param>
    /// <param name="left">Left child of each internal node.</param>
    /// <param name="right">Right child of each internal node.</param>
    /// <param name="defaultLeft">Whether missing values go left at each internal node.</param>
    /// <param name="nodeValue">The value a row would get if the tree stopped at each internal node (for explanations).</param>
    /// <param name="leafValue">Output of each leaf.</param>
    /// <exception cref="ArgumentException">Arrays differ in length or a child index is out of range.</exception>
    public RegressionTree(
        int[] feature, double[] threshold, int[] left, int[] right, bool[] defaultLeft, double[] nodeValue, double[] leafValue)
    {
        var n = feature.Length;
        if (n == 0 || threshold.Length != n || left.Length != n || right.Length != n || defaultLeft.Length != n || nodeValue.Length != n)
        {
            throw new ArgumentException("A tree needs at least one internal node and equal-length node arrays.");
        }

        foreach (var child in left.Concat(right))
        {
            if (child >= n || (child < 0 && ~child >= leafValue.Length))
            {
                throw new ArgumentException($"Child index {child} is out of range.");
            }
        }

        Feature = FeatureArray = feature;
        Threshold = threshold;
        Left = LeftArray = left;
        Right = RightArray = right;
        DefaultLeft = DefaultLeftArray = defaultLeft;
        NodeValue = nodeValue;
        LeafValue = LeafArray = leafValue;
    }

    /// <summary>Input index tested at each internal node.</summary>
    public IReadOnlyList<int> Feature { get; }

    /// <summary>Threshold at each internal node: value ≤ threshold goes left.</summary>
    public IReadOnlyList<double> Threshold { get; }

    /// <summary>Left child of each internal node (negative c: leaf ~c).</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>Right child of each internal node (negative c: leaf ~c).</summary>
    public IReadOnlyList<int> Right { get; }

    /// <summary>Whether a missing value goes left at each internal node.</summary>
    public IReadOnlyList<bool> DefaultLeft { get; }

    /// <summary>The value at each internal node had the tree stopped there.</summary>
    public IReadOnlyList<double> NodeValue { get; }

    /// <summary>Output of each leaf.</summary>
    public IReadOnlyList<double> LeafValue { get; }

    internal int[] FeatureArray { get; }

    internal int[] LeftArray { get; }

    internal int[] RightArray { get; }

    internal bool[] DefaultLeftArray { get; }

    internal double[] LeafArray { get; }

    /// <summary>Number of leaves.</summary>
    public int LeafCount => LeafValue.Count;

    /// <summary>The tree's output for one row. Allocates nothing.</summary>
    /// <param name="row">The inputs; NaN for missing.</param>
    public double Predict(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (true)
        {
            var v = row[Feature[node]];
            var next = v <= Threshold[node] ? Left[node]
                : double.IsNaN(v) ? (DefaultLeft[node] ? Left[node] : Right[node])
                : Right[node];
            if (next < 0)
            {
                return LeafValue[~next];
            }

            node = next;
        }
    }
}
