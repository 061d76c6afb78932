using System.Numerics;

namespace CustomerRisk.Analytics;

/// <summary>Sign and zero tests of decimals from their bits, cheaper than a full decimal comparison in the hot loops.</summary>
internal static class DecimalBits
{
    /// <summary>True when x is 0 (of any scale or sign).</summary>
    public static bool IsZero(decimal x) => IsZero<decimal>(x);

    /// <summary>True when x &gt; 0.</summary>
    public static bool IsAboveZero(decimal x) => !decimal.IsNegative(x) && !IsZero<decimal>(x);

    private static bool IsZero<T>(T x) where T : INumberBase<T> => T.IsZero(x);
}
