using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Ledgers;

/// <summary>Reads expert scores and latest grades from queries that return the same columns over both providers.</summary>
internal static class ExpertScoreDecoding
{
    private static readonly int CriterionCount = Enum.GetValues<ExpertCriterion>().Length;

    /// <summary>Reads rows of customer_id, round, expert_id, criterion (the enum's number from
    /// <see cref="Schema.StoredCodes.CaseExpression{TEnum}"/>), score_date (day number), score.</summary>
    public static List<ExpertScore> ReadAll(IRowCursor c, CancellationToken cancellationToken)
    {
        var scores = new List<ExpertScore>();
        string? customer = null;
        while (c.Next())
        {
            if ((scores.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var criterion = c.Int64(3);
            if (criterion < 0 || criterion >= CriterionCount)
            {
                throw new InvalidDataException("The store holds an unknown code in expert_scores.criterion.");
            }

            var id = c.Text(0);
            // Rows come in customer order: share one string per customer instead of one per row.
            customer = customer == id ? customer : id;
            scores.Add(new ExpertScore
            {
                CustomerId = customer,
                Round = checked((int)c.Int64(1)),
                ExpertId = c.Text(2),
                Criterion = (ExpertCriterion)(int)criterion,
                Date = DateOnly.FromDayNumber((int)c.Int64(4)),
                Score = checked((int)c.Int64(5)),
            });
        }

        return scores;
    }

    /// <summary>Reads rows of customer_id, grade (the letter).</summary>
    public static Dictionary<string, Grade> ReadGrades(IRowCursor c, CancellationToken cancellationToken)
    {
        var grades = new Dictionary<string, Grade>(StringComparer.Ordinal);
        while (c.Next())
        {
            if ((grades.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var letter = c.Text(1);
            grades[c.Text(0)] = letter switch
            {
                "A" => Grade.A,
                "B" => Grade.B,
                "C" => Grade.C,
                "D" => Grade.D,
                "N" => Grade.N,
                _ => throw new InvalidDataException($"The store holds an unknown grade '{letter}' in assessments."),
            };
        }

        return grades;
    }
}
