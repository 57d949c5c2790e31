using System.CommandLine;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Cli;

/// <summary>
/// <c>ecodamage verify-audit &lt;caseId&gt; | --all [--provider …] [--connection …]</c>: recomputes audit hash chains.
/// Exit 0 intact, 1 broken, 2 usage or database error (including an unknown case).
/// </summary>
internal static class VerifyAuditCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var caseId = new Argument<string?>("caseId") { Description = "The case whose chain to verify", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every case (read page by page)" };
        var provider = StorageSettings.ProviderOption();
        var connection = StorageSettings.ConnectionOption();
        var command = new Command("verify-audit", "Verify the audit hash chain of one case, or of every case with --all.")
        {
            caseId, all, provider, connection,
        };
        command.SetAction(parse => Run(parse.GetValue(caseId), parse.GetValue(all), parse.GetValue(provider), parse.GetValue(connection), output, error));
        return command;
    }

    private static int Run(string? caseId, bool all, string? provider, string? connection, TextWriter output, TextWriter error)
    {
        if (all == !string.IsNullOrWhiteSpace(caseId))
        {
            error.WriteLine("error: give either a case id or --all");
            error.WriteLine("Run 'ecodamage verify-audit --help' for usage.");
            return CliApp.Usage;
        }

        return StorageSettings.ReadExisting(provider, connection, error, options => VerifyAsync(options, all ? null : caseId!, output, error));
    }

    private static async Task<int> VerifyAsync(WorkflowStorageOptions options, string? caseId, TextWriter output, TextWriter error)
    {
        await using var services = StorageSettings.Services(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync().ConfigureAwait(false)).Any())
        {
            await error.WriteLineAsync($"error: {StorageSettings.Describe(options)} has no workflow schema (run 'ecodamage migrate' first)").ConfigureAwait(false);
            return CliApp.Usage;
        }

        var scanner = scope.ServiceProvider.GetRequiredService<IAuditChainScanner>();
        if (caseId is not null)
        {
            var report = await scanner.VerifyCaseAsync(caseId).ConfigureAwait(false);
            if (report is null)
            {
                await error.WriteLineAsync($"error: no case '{caseId}' in {StorageSettings.Describe(options)}").ConfigureAwait(false);
                return CliApp.Usage;
            }

            await output.WriteLineAsync(Line(report)).ConfigureAwait(false);
            return report.IsIntact ? CliApp.Ok : CliApp.Failed;
        }

        long cases = 0, events = 0, broken = 0;
        await foreach (var report in scanner.VerifyAllAsync().ConfigureAwait(false))
        {
            cases++;
            events += report.EventsChecked;
            if (!report.IsIntact)
            {
                broken++;
                await output.WriteLineAsync(Line(report)).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(broken == 0
            ? $"ok: {cases} case{(cases == 1 ? string.Empty : "s")}, {events} event{(events == 1 ? string.Empty : "s")}"
            : $"broken: {broken} of {cases} case{(cases == 1 ? string.Empty : "s")} ({events} events read)").ConfigureAwait(false);
        return broken == 0 ? CliApp.Ok : CliApp.Failed;
    }

    private static string Line(AuditChainReport report) => report.IsIntact
        ? $"{report.CaseId}: ok, {report.EventsChecked} event{(report.EventsChecked == 1 ? string.Empty : "s")}"
        : $"{report.CaseId}: broken at sequence {report.FirstBrokenSequence}: {report.Reason}";
}
