using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk reviews [--due]`, `crisk reviews record …`, `crisk reviews replay ID`, `crisk reviews delphi --customer ID`.</summary>
internal static class ReviewsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var due = new Option<bool>("--due") { Description = "Only the reviews due on or before the date." };
        var asOf = OperationsCli.AsOf();
        var policy = OperationsCli.Policy();
        var format = OperationsCli.Format();
        var command = new Command("reviews", "The periodic-review schedule of every assessed customer (due first).") { due, asOf, policy, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var date = OperationsCli.DateOf(parseResult, asOf, clock);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var rows = await ReviewsDue.HandleAsync(new ReviewsDueRequest(date, parseResult.GetValue(due)), store,
                await OperationsCli.PolicyOfAsync(parseResult, policy, clock, cancellationToken), cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(rows);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable($"Reviews as of {OperationsCli.D(date)}: {rows.Count(r => r.Due)} due, {rows.Count(r => r.DaysOverdue > 0)} overdue",
                "customer", "name", "grade", "was", "last review", "next review", "due", "overdue", "why", "interval");
            foreach (var r in rows)
            {
                OperationsCli.AddRow(table, r.CustomerId, r.Name, r.Grade, r.PreviousGrade, OperationsCli.D(r.LastReview), OperationsCli.D(r.NextReview),
                    r.Due ? "yes" : "no", r.DaysOverdue > 0 ? $"{r.DaysOverdue.ToString(CultureInfo.InvariantCulture)} days" : "-",
                    string.Join(",", r.Triggers), $"{r.IntervalMonths} months from {r.Basis}");
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        command.Subcommands.Add(Record(clock));
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(Delphi(clock));
        return command;
    }

    private static Command Record(TimeProvider clock)
    {
        var customer = OperationsCli.Required("--customer", "The customer reviewed.");
        var decision = OperationsCli.Required("--decision", "keep, raise_limit, lower_limit, change_terms, hold or release.");
        var reason = OperationsCli.Required("--reason", "Why.");
        var by = OperationsCli.Required("--by", "The reviewer.");
        var date = OperationsCli.Date("--date", "The date of the review (yyyy-MM-dd); default today.");
        var limit = new Option<decimal?>("--limit") { Description = "The new limit, for raise_limit or lower_limit (granted from the review date); default the recommended limit." };
        var terms = new Option<int?>("--terms") { Description = "The new payment terms in days, for change_terms." };
        var policy = new Option<string?>("--policy") { Description = "A policy file (YAML); default the active stored policy." };
        var format = OperationsCli.Format();
        var command = new Command("record", "Record a review with a snapshot of its inputs and the policy's recommendation.")
        {
            customer, decision, reason, by, date, limit, terms, policy, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var day = OperationsCli.DateOf(parseResult, date, clock);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            await using var credit = CreditStoreFactory.Open(GlobalOptions.DatabaseOf(parseResult), clock);
            var result = await RecordReview.HandleAsync(new RecordReviewRequest(parseResult.GetValue(customer)!, parseResult.GetValue(decision)!,
                parseResult.GetValue(reason)!, parseResult.GetValue(by)!, day, parseResult.GetValue(limit), parseResult.GetValue(terms)),
                store, credit, await OperationsCli.PolicyOfAsync(parseResult, policy, credit, clock, cancellationToken), clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
                return ExitCodes.Done;
            }

            var r = result.Review;
            Console.WriteLine($"Review {r.ReviewId} of {r.CustomerId} on {OperationsCli.D(r.ReviewedOn)} by {r.Reviewer}: {OperationCodes.ToCode(r.Decision)}.");
            if (result.Grant is { } grant)
            {
                Console.WriteLine($"Limit {grant.Id} granted: {OperationsCli.M(grant.Amount)} from {OperationsCli.D(grant.ValidFrom)} (was {OperationsCli.M(r.Snapshot.CreditLimit)}).");
            }

            Console.WriteLine($"Policy {r.Recommendation.PolicyVersion} recommended {OperationCodes.ToCode(r.Recommendation.Decision)} " +
                              $"(limit {OperationsCli.M(r.Recommendation.RecommendedLimit)}, {r.Recommendation.TermsDays} days): {string.Join("; ", r.Recommendation.Reasons)}.");
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>The policy file given, else the stored policy of the review's own version (the built-in default when
    /// that version was never stored, or the review is unknown: the use case then says so).</summary>
    private static async Task<Policy.CreditPolicy> ReplayPolicyAsync(ParseResult parseResult, Option<string?> policy,
        Application.Ports.IOperationsStore store, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(policy) is { } path)
        {
            return Policy.PolicyLoader.LoadFile(path);
        }

        var review = await store.ReadReviewAsync(parseResult.GetValue<long>("ID"), cancellationToken);
        if (review is null)
        {
            return Policy.CreditPolicy.Default;
        }

        await using var credit = CreditStoreFactory.Open(GlobalOptions.DatabaseOf(parseResult), TimeProvider.System);
        var stored = await credit.ReadPolicyAsync(review.Snapshot.PolicyVersion, cancellationToken);
        return stored is null ? Policy.CreditPolicy.Default : Application.Credit.ActivePolicy.Parse(stored);
    }

    private static Command Replay()
    {
        var id = new Argument<long>("ID") { Description = "The review's id." };
        var policy = new Option<string?>("--policy") { Description = "A policy file (YAML); default the stored policy of the version the review was decided under." };
        var format = OperationsCli.Format();
        var command = new Command("replay", "Recompute a recorded review's recommendation from its snapshot; exit 1 if it differs.") { id, policy, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, TimeProvider.System, cancellationToken);
            var result = await ReplayReview.HandleAsync(parseResult.GetValue(id), store, await ReplayPolicyAsync(parseResult, policy, store, cancellationToken),
                cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                var r = result.Recomputed;
                Console.WriteLine($"Review {result.Review.ReviewId} of {result.Review.CustomerId} under policy {r.PolicyVersion}: " +
                                  $"{OperationCodes.ToCode(r.Decision)}, limit {OperationsCli.M(r.RecommendedLimit)}, {r.TermsDays} days — " +
                                  (result.Same ? "the same as recorded." : "DIFFERS from what was recorded."));
            }

            return result.Same ? ExitCodes.Done : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Delphi(TimeProvider clock)
    {
        var customer = OperationsCli.Required("--customer", "The customer.");
        var format = OperationsCli.Format();
        var command = new Command("delphi", "The Delphi rounds of a customer: median and IQR per round and criterion, and convergence.") { customer, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var summary = await DelphiRounds.HandleAsync(parseResult.GetValue(customer)!, store, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(summary);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable(
                $"Delphi rounds of {summary.CustomerId}: expert score {OperationsCli.N(summary.ExpertScore)}" +
                (summary.Converged ? " (latest round converged)" : " (latest round not converged: IQR above 1)"),
                "round", "criterion", "experts", "median", "Q1", "Q3", "IQR", "round converged");
            foreach (var round in summary.Rounds)
            {
                foreach (var c in round.Criteria)
                {
                    OperationsCli.AddRow(table, round.Round.ToString(CultureInfo.InvariantCulture), Domain.Codes.ToCode(c.Criterion),
                        c.Count.ToString(CultureInfo.InvariantCulture), OperationsCli.N(c.Median), OperationsCli.N(c.LowerQuartile),
                        OperationsCli.N(c.UpperQuartile), OperationsCli.N(c.Iqr), round.Converged ? "yes" : "no");
                }
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        return command;
    }
}
