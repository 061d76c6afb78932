using System.Globalization;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class ExpertScoreRows : LedgerRowMapper<ExpertScore>
{
    private const int CustomerId = 0, Round = 1, ExpertId = 2, Date = 3, Criterion = 4, Score = 5;

    private static readonly LedgerColumn[] s_columns =
    [
        new("customer_id", true), new("round", true), new("expert_id", true), new("date", true),
        new("criterion", true), new("score", true),
    ];

    public override ImportKind Kind => ImportKind.ExpertScores;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => Criterion;

    public override bool TryMap(RowCheck row, out ExpertScore record)
    {
        record = null!;
        if (!row.KnownCustomer(CustomerId, out var customer)
            || !row.Integer(Round, 1, 1000, whenEmpty: null, out var round)
            || !row.RequiredKey(ExpertId, out var expert)
            || !row.RequiredDate(Date, out var date)
            || !row.Code<ExpertCriterion>(Criterion, Codes.TryParseExpertCriterion,
                "collection_effort, claim_cause, bad_record or overall", required: true, out var criterion)
            || !row.Integer(Score, 1, 5, whenEmpty: null, out var score))
        {
            return false;
        }

        record = new ExpertScore
        {
            CustomerId = customer,
            Round = round,
            ExpertId = expert,
            Date = date,
            Criterion = criterion!.Value,
            Score = score,
        };
        return true;
    }

    public override string KeyOf(ExpertScore record) => string.Join('\u001f', record.CustomerId,
        record.Round.ToString(CultureInfo.InvariantCulture), record.ExpertId, record.Criterion.ToCode());

    public override string DescribeKey(ExpertScore record) =>
        $"the score of expert_id '{record.ExpertId}' for customer_id '{record.CustomerId}', round {record.Round}, criterion {record.Criterion.ToCode()}";

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<ExpertScore> rows,
        CancellationToken cancellationToken) => session.UpsertExpertScoresAsync(rows, cancellationToken);
}
