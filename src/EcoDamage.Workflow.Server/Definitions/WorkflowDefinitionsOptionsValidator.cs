using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>Checks the options at start-up, reporting every problem at once.</summary>
internal sealed class WorkflowDefinitionsOptionsValidator(IHostEnvironment environment) : IValidateOptions<WorkflowDefinitionsOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowDefinitionsOptions options)
    {
        var failures = new List<string>();
        if (options.Resolve(environment.ContentRootPath) is null)
        {
            failures.Add(
                $"{WorkflowDefinitionsOptions.SectionName}:Directory '{options.Directory}' does not exist " +
                $"(looked under {environment.ContentRootPath} and {Environment.CurrentDirectory})");
        }

        if (options.MaxPostedDefinitionBytes <= 0)
        {
            failures.Add($"{WorkflowDefinitionsOptions.SectionName}:MaxPostedDefinitionBytes must be positive, not {options.MaxPostedDefinitionBytes}");
        }

        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            failures.Add($"{WorkflowDefinitionsOptions.SectionName}:RefreshInterval must be positive, not {options.RefreshInterval}");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{WorkflowDefinitionsOptions.SectionName}:Mode must be Database or Folder");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
