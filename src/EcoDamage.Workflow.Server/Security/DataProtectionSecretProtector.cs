using EcoDamage.Workflow.Runtime.Security;
using Microsoft.AspNetCore.DataProtection;

namespace EcoDamage.Workflow.Server.Security;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection, with one purpose for every stored secret.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Purpose = "EcoDamage.Workflow.StoredSecrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <inheritdoc />
    public string Protect(string secret) => _protector.Protect(secret);

    /// <inheritdoc />
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
