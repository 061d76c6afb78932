namespace CustomerRisk.Application.Demo;

/// <summary>The demo's own pseudo-random generator: xoshiro256** seeded through SplitMix64. Its algorithm is fixed
/// here (System.Random's is not specified across .NET versions), and every distribution below uses only IEEE
/// arithmetic that is exact or correctly rounded (+, −, ×, ÷, sqrt), never Math.Exp/Log, whose last bit may differ
/// between runtimes: so the same seed writes the same bytes on every machine.</summary>
internal sealed class DemoRandom
{
    private const double Ln2 = 0.69314718055994530942;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DemoRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one stream of a seed (for example one customer), independent of the others.</summary>
    public static DemoRandom For(int seed, long stream, ulong salt = 0)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ (ulong)stream * 0xD1B54A32D192ED03UL ^ salt);
        return new DemoRandom(unchecked(SplitMix(ref x) ^ (ulong)stream));
    }

    public ulong NextULong()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive)
    {
        var span = (ulong)((long)maxInclusive - minInclusive + 1);
        // Multiply-shift maps 64 random bits onto the span without a modulo bias worth caring about here.
        var scaled = (ulong)(((UInt128)NextULong() * span) >> 64);
        return (int)(minInclusive + (long)scaled);
    }

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately standard normal value (Irwin–Hall sum of four uniforms, variance 1, bounded at
    /// ±3.46): enough for generated data, and free of transcendental functions.</summary>
    public double Normal()
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble();
        return (sum - 2.0) * 1.7320508075688772;
    }

    /// <summary>Log-normal with the given median and shape σ.</summary>
    public double LogNormal(double median, double sigma) => median * Exp(sigma * Normal());

    /// <summary>Exponentially distributed waiting time with the given mean.</summary>
    public double Exponential(double mean) => -mean * Log(1.0 - NextDouble());

    /// <summary>Picks an index from cumulative weights (the last entry is the total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var u = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>e^x by range reduction and a Taylor series, in plain arithmetic (see the class remark).</summary>
    public static double Exp(double x)
    {
        if (x < -700)
        {
            return 0;
        }

        var k = (int)Math.Floor(x / Ln2 + 0.5);
        var r = x - k * Ln2;
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n < 20; n++)
        {
            term *= r / n;
            sum += term;
        }

        return Math.ScaleB(sum, k);
    }

    /// <summary>Natural logarithm of x &gt; 0, by splitting off the binary exponent and the atanh series.</summary>
    public static double Log(double x)
    {
        if (x <= 0)
        {
            return double.NegativeInfinity;
        }

        var exponent = Math.ILogB(x);
        var m = Math.ScaleB(x, -exponent);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            exponent++;
        }

        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        var term = s;
        var sum = 0.0;
        for (var n = 1; n < 40; n += 2)
        {
            sum += term / n;
            term *= s2;
        }

        return exponent * Ln2 + 2.0 * sum;
    }

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
