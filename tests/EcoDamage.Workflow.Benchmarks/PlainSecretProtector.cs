using EcoDamage.Workflow.Runtime.Security;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>The benchmark host has no Data Protection: secrets stay as given (the cost measured is delivery, not encryption).</summary>
internal sealed class PlainSecretProtector : ISecretProtector
{
    public string Protect(string secret) => secret;

    public string Unprotect(string protectedSecret) => protectedSecret;
}
