using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>Reports every inbound-hook configuration problem at once, before the host serves.</summary>
internal sealed class InboundHookOptionsValidator : IValidateOptions<InboundHookOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundHookOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
