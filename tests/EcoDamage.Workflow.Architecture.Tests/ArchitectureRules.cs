namespace EcoDamage.Workflow.Architecture.Tests;

/// <summary>The allowed references between the src projects (docs: the architecture sketch) and today's exceptions to them.</summary>
internal static class ArchitectureRules
{
    /// <summary>Which of our projects each src project may depend on.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedProjects = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Engine"] = [],
        ["Runtime"] = ["Engine"],
        ["Storage"] = ["Runtime", "Engine"],
        ["Scheduling"] = ["Runtime", "Engine"],
        ["Messaging"] = ["Runtime", "Engine"],
        ["Server"] = ["Engine", "Runtime", "Storage", "Scheduling", "Messaging"],
        ["Cli"] = ["Engine", "Runtime", "Storage"],
    };

    /// <summary>Frameworks each project must not depend on (by namespace), beyond the projects it may not reference.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ForbiddenFrameworks = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The engine is pure: no database, scheduler, bus or web framework.
        ["Engine"] = ["Microsoft.EntityFrameworkCore", "Quartz", "MassTransit", "Microsoft.AspNetCore"],
    };
}
