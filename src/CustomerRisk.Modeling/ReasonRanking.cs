namespace CustomerRisk.Modeling;

/// <summary>Keeps the largest reasons seen so far in a caller's span, without allocating.</summary>
internal static class ReasonRanking
{
    public static int Offer(Span<ReasonCode> top, int count, ReasonCode candidate)
    {
        if (!(candidate.PointsLost > 0) || top.Length == 0)
        {
            return count;
        }

        if (count == top.Length && top[count - 1].PointsLost >= candidate.PointsLost)
        {
            return count;
        }

        var i = count < top.Length ? count++ : count - 1;
        while (i > 0 && top[i - 1].PointsLost < candidate.PointsLost)
        {
            top[i] = top[i - 1];
            i--;
        }

        top[i] = candidate;
        return count;
    }
}
