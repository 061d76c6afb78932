namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// Logistic regression by iteratively reweighted least squares (Newton's method on the log-likelihood), with an
/// optional L2 penalty. Inputs are centred and scaled internally for a well-conditioned system, and the coefficients are
/// returned on the original scale, so an unpenalised fit equals R's <c>glm(…, family = binomial)</c>.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits the model.</summary>
    /// <param name="columns">Input columns, each one value per row, no NaN.</param>
    /// <param name="labels">Outcome per row: 1 event, 0 not.</param>
    /// <param name="l2">L2 penalty λ ≥ 0 on the coefficients of the standardised inputs (the intercept is not
    /// penalised): the log-likelihood minus λ/2 · Σβ². 0 for a plain fit.</param>
    /// <param name="maxIterations">Most Newton steps, at least 1; 100 by default.</param>
    /// <param name="tolerance">Convergence when no standardised coefficient moves more than this; 1e-10 by default.</param>
    /// <exception cref="ModelingDataException">An input is constant or the inputs are collinear.</exception>
    public static LogisticFit Fit(
        IReadOnlyList<double[]> columns, ReadOnlySpan<byte> labels, double l2 = 0, int maxIterations = 100, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(l2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        var n = labels.Length;
        var p = columns.Count;
        var k = p + 1;
        var mean = new double[p];
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var col = columns[j];
            if (col.Length != n)
            {
                throw new ArgumentException($"Input {j} has {col.Length} values for {n} labels.", nameof(columns));
            }

            double s = 0;
            for (var i = 0; i < n; i++)
            {
                if (double.IsNaN(col[i]))
                {
                    throw new ArgumentException($"Input {j} has a missing value in row {i}.", nameof(columns));
                }

                s += col[i];
            }

            mean[j] = s / n;
            double ss = 0;
            for (var i = 0; i < n; i++)
            {
                var d = col[i] - mean[j];
                ss += d * d;
            }

            scale[j] = Math.Sqrt(ss / n);
            if (!(scale[j] > 0))
            {
                throw new ModelingDataException($"Input {j} is constant; a logistic regression cannot estimate its weight.");
            }
        }

        // Standardised design, column-major with the intercept column implicit.
        var z = new double[p][];
        for (var j = 0; j < p; j++)
        {
            z[j] = new double[n];
            for (var i = 0; i < n; i++)
            {
                z[j][i] = (columns[j][i] - mean[j]) / scale[j];
            }
        }

        var beta = new double[k];
        var eta = new double[n];
        var w = new double[n];
        var r = new double[n];
        var hessian = new double[k * k];
        var gradient = new double[k];
        var step = new double[k];
        var iterations = 0;
        var converged = false;
        var deviance = Deviance(eta, labels);
        while (iterations < maxIterations)
        {
            iterations++;
            for (var i = 0; i < n; i++)
            {
                var mu = Sigmoid(eta[i]);
                w[i] = Math.Max(mu * (1 - mu), 1e-12);
                r[i] = labels[i] - mu;
            }

            Build(z, w, r, beta, l2, hessian, gradient);
            if (!Cholesky.TrySolve(hessian, gradient, step, k))
            {
                throw new ModelingDataException("The inputs are collinear (one is a combination of others); drop one of them.");
            }

            // Step halving guards against the rare Newton step that lowers the likelihood.
            var t = 1.0;
            double newDeviance;
            var trial = new double[k];
            while (true)
            {
                for (var j = 0; j < k; j++)
                {
                    trial[j] = beta[j] + (t * step[j]);
                }

                Eta(z, trial, eta);
                newDeviance = Deviance(eta, labels) + (l2 * Penalty(trial));
                if (newDeviance <= deviance + (l2 * Penalty(beta)) + 1e-9 || t < 1e-6)
                {
                    break;
                }

                t /= 2;
            }

            var largest = 0.0;
            for (var j = 0; j < k; j++)
            {
                largest = Math.Max(largest, Math.Abs(trial[j] - beta[j]));
            }

            Array.Copy(trial, beta, k);
            deviance = Deviance(eta, labels);
            if (largest < tolerance)
            {
                converged = true;
                break;
            }
        }

        // Standard errors from the information matrix at the solution, mapped back to the original scale.
        for (var i = 0; i < n; i++)
        {
            var mu = Sigmoid(eta[i]);
            w[i] = Math.Max(mu * (1 - mu), 1e-12);
            r[i] = 0;
        }

        Build(z, w, r, beta, l2, hessian, gradient);
        var inverse = Cholesky.Invert(hessian, k);
        var coefficients = new double[p];
        var intercept = beta[0];
        for (var j = 0; j < p; j++)
        {
            coefficients[j] = beta[j + 1] / scale[j];
            intercept -= coefficients[j] * mean[j];
        }

        // Var(b_j) = Var(β_j)/s_j²; Var(b0) = a' Σ a with a = (1, −m_1/s_1, …).
        var errors = new double[k];
        var a = new double[k];
        a[0] = 1;
        for (var j = 0; j < p; j++)
        {
            a[j + 1] = -mean[j] / scale[j];
            errors[j + 1] = Math.Sqrt(inverse[((j + 1) * k) + j + 1]) / scale[j];
        }

        double v0 = 0;
        for (var x = 0; x < k; x++)
        {
            for (var y = 0; y < k; y++)
            {
                v0 += a[x] * inverse[(x * k) + y] * a[y];
            }
        }

        errors[0] = Math.Sqrt(Math.Max(v0, 0));
        return new LogisticFit(intercept, coefficients, errors, iterations, converged, deviance);
    }

    /// <summary>The logistic function 1 / (1 + e^−x), 0–1, computed without overflow.</summary>
    /// <param name="x">Log-odds.</param>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Penalty(double[] beta)
    {
        double s = 0;
        for (var j = 1; j < beta.Length; j++)
        {
            s += beta[j] * beta[j];
        }

        return s; // deviance scale: −2·(ℓ − λ/2·Σβ²) = D + λΣβ²
    }

    private static void Eta(double[][] z, double[] beta, double[] eta)
    {
        Array.Fill(eta, beta[0]);
        for (var j = 0; j < z.Length; j++)
        {
            var b = beta[j + 1];
            var col = z[j];
            for (var i = 0; i < eta.Length; i++)
            {
                eta[i] += b * col[i];
            }
        }
    }

    private static double Deviance(double[] eta, ReadOnlySpan<byte> labels)
    {
        double d = 0;
        for (var i = 0; i < eta.Length; i++)
        {
            // −log σ(±η) = log(1 + e^∓η), computed stably.
            var m = labels[i] == 1 ? -eta[i] : eta[i];
            d += m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m));
        }

        return 2 * d;
    }

    private static void Build(double[][] z, double[] w, double[] r, double[] beta, double l2, double[] hessian, double[] gradient)
    {
        var k = z.Length + 1;
        var n = w.Length;
        Array.Clear(hessian);
        Array.Clear(gradient);
        for (var a = 0; a < k; a++)
        {
            var za = a == 0 ? null : z[a - 1];
            double g = 0;
            for (var i = 0; i < n; i++)
            {
                g += (za is null ? 1 : za[i]) * r[i];
            }

            gradient[a] = g - (a == 0 ? 0 : l2 * beta[a]);
            for (var b = 0; b <= a; b++)
            {
                var zb = b == 0 ? null : z[b - 1];
                double h = 0;
                if (za is null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        h += w[i];
                    }
                }
                else if (zb is null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        h += w[i] * za[i];
                    }
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        h += w[i] * za[i] * zb[i];
                    }
                }

                hessian[(a * k) + b] = h + (a == b && a > 0 ? l2 : 0);
                hessian[(b * k) + a] = hessian[(a * k) + b];
            }
        }
    }
}
