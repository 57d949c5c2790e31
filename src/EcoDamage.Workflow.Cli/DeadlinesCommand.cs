using System.CommandLine;
using System.Globalization;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoDamage.Workflow.Cli;

/// <summary>
/// <c>ecodamage deadlines [--within N] [--overdue] [--provider …] [--connection …]</c>: lists the overdue deadlines and
/// those due within N days (default 7) in a database, soonest due first. Exit 0, or 2 on a usage or database error.
/// </summary>
internal static class DeadlinesCommand
{
    private const int Limit = IDeadlineDirectory.MaxPageSize;

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var within = new Option<int>("--within", "-w") { Description = "Also list deadlines due within this many days (default 7)", DefaultValueFactory = _ => 7 };
        var overdueOnly = new Option<bool>("--overdue") { Description = "List only overdue deadlines" };
        var provider = StorageSettings.ProviderOption();
        var connection = StorageSettings.ConnectionOption();
        var command = new Command("deadlines", "List overdue deadlines and those due soon (Asia/Shanghai dates) in a database.")
        {
            within, overdueOnly, provider, connection,
        };
        command.SetAction(parse => Run(parse.GetValue(within), parse.GetValue(overdueOnly), parse.GetValue(provider), parse.GetValue(connection), output, error, time));
        return command;
    }

    private static int Run(int within, bool overdueOnly, string? provider, string? connection, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (within is < 0 or > 3660)
        {
            error.WriteLine("error: --within must be between 0 and 3660 days");
            return CliApp.Usage;
        }

        return StorageSettings.ReadExisting(provider, connection, error, options => ListAsync(options, within, overdueOnly, output, error, Instant.FromDateTimeOffset(time.GetUtcNow())));
    }

    private static async Task<int> ListAsync(WorkflowStorageOptions options, int within, bool overdueOnly, TextWriter output, TextWriter error, Instant now)
    {
        await using var services = StorageSettings.Services(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync().ConfigureAwait(false)).Any())
        {
            await error.WriteLineAsync($"error: {StorageSettings.Describe(options)} has no workflow schema (run 'ecodamage migrate' first)").ConfigureAwait(false);
            return CliApp.Usage;
        }

        var directory = scope.ServiceProvider.GetRequiredService<IDeadlineDirectory>();
        var overdue = await directory.ListAsync(new DeadlineFilter(now, Overdue: true, PageSize: Limit) { Scope = Runtime.Access.AccessScope.Everything }).ConfigureAwait(false);
        var soon = overdueOnly
            ? new DeadlinePage([], 0, 1, Limit)
            : await directory.ListAsync(new DeadlineFilter(now, DueWithinDays: within, PageSize: Limit) { Scope = Runtime.Access.AccessScope.Everything }).ConfigureAwait(false);
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        foreach (var d in overdue.Items.Concat(soon.Items))
        {
            var late = now - d.Due;
            var when = d.IsOverdue
                ? $"OVERDUE {Math.Floor(late.TotalDays).ToString(CultureInfo.InvariantCulture)}d {late.Hours.ToString(CultureInfo.InvariantCulture)}h ({d.Status.ToLowerInvariant()})"
                : $"due in {Math.Floor((d.Due - now).TotalDays).ToString(CultureInfo.InvariantCulture)}d";
            await output.WriteLineAsync(string.Join('\t',
                d.Due.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture), when, d.CaseId, d.Key, d.State,
                d.Department ?? "-", d.Jurisdiction ?? "-")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(
            $"{overdue.Total} overdue{(overdueOnly ? string.Empty : $", {soon.Total} due within {within} days")}"
            + (overdue.Total > Limit || soon.Total > Limit ? $" (first {Limit} of each listed)" : string.Empty)).ConfigureAwait(false);
        return CliApp.Ok;
    }
}
