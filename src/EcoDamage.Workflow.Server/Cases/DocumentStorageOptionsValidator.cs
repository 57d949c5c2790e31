using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Reports every <see cref="DocumentStorageOptions"/> problem at once, before the host serves.</summary>
internal sealed class DocumentStorageOptionsValidator : IValidateOptions<DocumentStorageOptions>
{
    /// <summary>Lists every problem, each naming the setting.</summary>
    public ValidateOptionsResult Validate(string? name, DocumentStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MaxBytes <= 0)
        {
            problems.Add($"{DocumentStorageOptions.SectionName}:MaxBytes must be positive, not {options.MaxBytes}");
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            problems.Add($"{DocumentStorageOptions.SectionName}:Directory must be set");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
