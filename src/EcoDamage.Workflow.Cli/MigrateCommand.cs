using System.CommandLine;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Cli;

/// <summary><c>ecodamage migrate [--provider sqlite|postgresql] [--connection CONN]</c>: brings the store's schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var provider = StorageSettings.ProviderOption();
        var connection = StorageSettings.ConnectionOption();
        var command = new Command("migrate", "Apply the store's pending migrations (SQLite: also creates the data folder and switches to WAL).")
        {
            provider, connection,
        };
        command.SetAction(parse => Run(parse.GetValue(provider), parse.GetValue(connection), output, error));
        return command;
    }

    private static int Run(string? provider, string? connection, TextWriter output, TextWriter error)
    {
        WorkflowStorageOptions? options = null;
        try
        {
            options = StorageSettings.Resolve(provider, connection, error);
            if (options is null)
            {
                return CliApp.Usage;
            }

            return MigrateAsync(options, output).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (StorageSettings.TryDescribe(ex, out var message))
        {
            var where = options is null ? string.Empty : $" {StorageSettings.Describe(options)}";
            error.WriteLine($"error: cannot migrate{where}: {message}");
            return CliApp.Usage;
        }
    }

    private static async Task<int> MigrateAsync(WorkflowStorageOptions options, TextWriter output)
    {
        // The migrator creates the SQLite folder too, but the pending list is read before it runs.
        if (StorageSettings.SqliteFile(options) is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var services = StorageSettings.Services(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync().ConfigureAwait(false)).ToList();
        await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync().ConfigureAwait(false);
        var where = StorageSettings.Describe(options);
        if (pending.Count == 0)
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync().ConfigureAwait(false)).Count();
            await output.WriteLineAsync($"{where}: up to date ({applied} migration{(applied == 1 ? string.Empty : "s")} applied)").ConfigureAwait(false);
        }
        else
        {
            foreach (var name in pending)
            {
                await output.WriteLineAsync($"applied {name}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{where}: applied {pending.Count} migration{(pending.Count == 1 ? string.Empty : "s")}").ConfigureAwait(false);
        }

        return CliApp.Ok;
    }
}
