using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Server.Definitions;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// Once the catalog has loaded, checks that every inbound-hook system acts in a role of <c>roles.yaml</c>; a typo
/// would otherwise only show as every hook of that system refused. Registered after the catalog loader, whose
/// hosted service starts first.
/// </summary>
internal sealed class InboundHookRoleCheck(IOptions<InboundHookOptions> options, DefinitionCatalog catalog) : IHostedService
{
    /// <exception cref="OptionsValidationException">A system names a role the catalog does not declare (every one listed).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var roles = catalog.Catalog.Roles;
        var problems = options.Value.Systems
            .Where(s => !string.IsNullOrWhiteSpace(s.Value.Role) && (s.Value.Role == RoleCatalog.System || !roles.Contains(s.Value.Role)))
            .Select(s => $"{InboundHookOptions.SectionName}:Systems:{s.Key}:Role '{s.Value.Role}' is not a role of roles.yaml")
            .ToArray();
        return problems.Length > 0
            ? throw new OptionsValidationException(InboundHookOptions.SectionName, typeof(InboundHookOptions), problems)
            : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
