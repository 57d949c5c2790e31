namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>A new inbound hook secret: the only answer that carries it. Give it to the system now; it cannot be read again.</summary>
/// <param name="Secret">The signing secret, <c>whsec_</c> + base64 of 32 random bytes.</param>
/// <param name="HookSecret">The secret's record.</param>
internal sealed record HookSecretIssued(string Secret, HookSecretView HookSecret);
