using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>Registers inbound hooks: the configured systems (validated at start-up) and the request verifier.</summary>
internal static class InboundHooksServiceCollectionExtensions
{
    /// <summary>Binds <c>Hooks:Inbound</c>, adds <see cref="InboundHookReader"/> (scoped: it writes the replay log), <see cref="InboundHookSecrets"/> and the start-up check of the systems' roles (call after <c>AddWorkflowDefinitions</c>).</summary>
    public static IServiceCollection AddInboundHooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboundHookOptions>().Bind(configuration.GetSection(InboundHookOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundHookOptions>, InboundHookOptionsValidator>();
        services.AddScoped<InboundHookReader>();
        services.AddSingleton<InboundHookSecrets>();
        services.AddHostedService<InboundHookRoleCheck>();
        return services;
    }
}
