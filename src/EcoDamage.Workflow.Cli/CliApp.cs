using System.CommandLine;

namespace EcoDamage.Workflow.Cli;

/// <summary>The <c>ecodamage</c> command tree; <see cref="Run(string[], TextWriter, TextWriter)"/> is the entry point (tests call it with captured writers).</summary>
public static class CliApp
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: the input has errors (problems, failed expectations, unknown workflow, a broken audit chain).</summary>
    public const int Failed = 1;

    /// <summary>Exit code: usage or I/O error (bad arguments, missing file or folder, unreachable database, unknown case).</summary>
    public const int Usage = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, TimeProvider.System);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading the time (what is due or overdue) from <paramref name="time"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("ecodamage: validate, draw and simulate eco-environmental damage compensation workflows; migrate the store and verify audit chains.")
        {
            ValidateCommand.Create(output, error),
            DiagramCommand.Create(output, error),
            SimulateCommand.Create(output, error),
            MigrateCommand.Create(output, error),
            VerifyAuditCommand.Create(output, error),
            DeadlinesCommand.Create(output, error, time),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine("Run 'ecodamage --help' for usage.");
            return Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return Usage;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return Usage;
        }
    }
}
