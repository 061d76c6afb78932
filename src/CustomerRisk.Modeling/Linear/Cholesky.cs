namespace CustomerRisk.Modeling.Linear;

/// <summary>Solves small symmetric positive-definite systems (the Newton step of a logistic fit).</summary>
internal static class Cholesky
{
    public static bool TrySolve(double[] matrix, double[] rhs, double[] solution, int k)
    {
        var l = Decompose(matrix, k);
        if (l is null)
        {
            return false;
        }

        var y = new double[k];
        for (var i = 0; i < k; i++)
        {
            var s = rhs[i];
            for (var j = 0; j < i; j++)
            {
                s -= l[(i * k) + j] * y[j];
            }

            y[i] = s / l[(i * k) + i];
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var j = i + 1; j < k; j++)
            {
                s -= l[(j * k) + i] * solution[j];
            }

            solution[i] = s / l[(i * k) + i];
        }

        return true;
    }

    public static double[] Invert(double[] matrix, int k)
    {
        var inverse = new double[k * k];
        var e = new double[k];
        var column = new double[k];
        for (var c = 0; c < k; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            if (!TrySolve(matrix, e, column, k))
            {
                Array.Fill(inverse, double.NaN);
                return inverse;
            }

            for (var r = 0; r < k; r++)
            {
                inverse[(r * k) + c] = column[r];
            }
        }

        return inverse;
    }

    private static double[]? Decompose(double[] a, int k)
    {
        var l = new double[k * k];
        var maxDiagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, a[(i * k) + i]);
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = a[(i * k) + j];
                for (var m = 0; m < j; m++)
                {
                    s -= l[(i * k) + m] * l[(j * k) + m];
                }

                if (i == j)
                {
                    // A pivot this small relative to the diagonal means the system is singular (collinear inputs).
                    if (!(s > maxDiagonal * 1e-12))
                    {
                        return null;
                    }

                    l[(i * k) + i] = Math.Sqrt(s);
                }
                else
                {
                    l[(i * k) + j] = s / l[(j * k) + j];
                }
            }
        }

        return l;
    }
}
