using System.CommandLine;
using CustomerRisk.Application.Import;
using CustomerRisk.Storage;

namespace CustomerRisk.Cli;

/// <summary>`crisk import PATH…`: imports ledger files or folders, all or nothing.</summary>
public static class ImportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, or folders whose every known file is imported.", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string?>("--kind") { Description = "Force the file kind (customers, invoices, payments, claims, orders, interactions, financials, expert_scores)." };
        var rejects = new Option<string?>("--rejects") { Description = "Folder for the NAME.rejects.csv files (default: beside each file)." };
        var command = new Command("import", "Import customers, invoices, payments, claims, orders, interactions, financials and expert scores.")
        {
            paths, kind, rejects,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var phases = PhaseLog.Start("import");
            // The command does nothing else with the store while it imports: a SQLite file may be taken whole.
            await using var store = await RiskStoreFactory.OpenMigratedWithOptionsAsync(GlobalOptions.DatabaseOf(parseResult), clock,
                new RiskStoreOptions { ImportsAlone = true }, cancellationToken);
            phases?.Mark("open the store");
            using var line = new ProgressLine();
            var progress = new Progress<ImportProgress>(p => line.Show($"import: {Path.GetFileName(p.Path)} {p.RowsRead:N0} rows", p.FileDone));
            var request = new ImportLedgerRequest(parseResult.GetValue(paths)!, parseResult.GetValue(kind), parseResult.GetValue(rejects))
            {
                PhaseDone = phases is null ? null : phases.Mark,
            };
            var result = await ImportLedger.HandleAsync(request, store, progress, cancellationToken);
            line.Dispose();
            await Credit.ImportAudit.AppendAsync(parseResult, clock, result, cancellationToken);
            phases?.Mark("audit record");
            foreach (var warning in result.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }

            foreach (var file in result.Files)
            {
                foreach (var warning in file.Warnings)
                {
                    await Console.Error.WriteLineAsync($"warning: {Path.GetFileName(file.Path)}: {warning}");
                }

                var accepted = file.Accepted.Inserted + file.Accepted.Updated + file.Accepted.Unchanged;
                var where = file.RejectsPath is null ? string.Empty : $" -> {file.RejectsPath}";
                Console.WriteLine(
                    $"{Path.GetFileName(file.Path),-22} {accepted,10:N0} accepted ({file.Accepted.Inserted:N0} new, {file.Accepted.Updated:N0} changed, {file.Accepted.Unchanged:N0} unchanged), {file.Rejected:N0} rejected{where}");
            }

            Console.WriteLine($"Imported {result.Accepted:N0} rows, rejected {result.Rejected:N0}.");
            phases?.End();
            return ExitCodes.Done;
        });
        return command;
    }
}
