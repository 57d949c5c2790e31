using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Storage;

/// <summary>Checks <see cref="WorkflowStorageOptions"/>, reporting every problem at once (at registration and at start-up).</summary>
public sealed class WorkflowStorageOptionsValidator : IValidateOptions<WorkflowStorageOptions>
{
    /// <summary>Validates <paramref name="options"/>.</summary>
    /// <param name="name">The options' name (unused: one store per container).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or the failures, each naming its option.</returns>
    public ValidateOptionsResult Validate(string? name, WorkflowStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            problems.Add($"{WorkflowStorageOptions.SectionName}:{nameof(options.Provider)}: '{options.Provider}' is not a storage provider (Sqlite or PostgreSql)");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add($"{WorkflowStorageOptions.SectionName}:{nameof(options.ConnectionString)}: a connection string is required");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
