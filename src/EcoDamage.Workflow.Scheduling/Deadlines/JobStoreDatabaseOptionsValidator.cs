using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>Checks <see cref="JobStoreDatabaseOptions"/> (used only with the persistent job store).</summary>
internal sealed class JobStoreDatabaseOptionsValidator : IValidateOptions<JobStoreDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, JobStoreDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            problems.Add($"{JobStoreDatabaseOptions.SectionName}:{nameof(options.Provider)}: '{options.Provider}' is not Sqlite or PostgreSql");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add($"{JobStoreDatabaseOptions.SectionName}:{nameof(options.ConnectionString)}: a connection string is required");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
