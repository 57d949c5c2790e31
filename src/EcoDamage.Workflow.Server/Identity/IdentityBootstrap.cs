using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// At start-up, after the store's migrations (the <c>Starting</c> phase) and before the host serves: loads the token
/// signing key and creates the first administrator from <c>Security:Accounts:BootstrapAdministrator</c> when no account
/// of that name exists, with its password to be changed at the first sign-in. An existing account is never touched,
/// so the setting can stay in place after the password was changed.
/// </summary>
internal sealed class IdentityBootstrap(
    IServiceScopeFactory scopes,
    HostSigningKey signingKey,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<IdentityBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await signingKey.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var admin = options.Value.BootstrapAdministrator;
        if (UserNames.Normalize(admin.UserName) is not { } name || string.IsNullOrEmpty(admin.Password))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountStore>();
        if (await accounts.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var hash = scope.ServiceProvider.GetRequiredService<Argon2PasswordHasher>().Hash(admin.Password);
        var account = new Account(name, name, "administrator", null, null, null, hash)
        {
            MustChangePassword = true,
            CreatedAt = now,
            ChangedAt = now,
            SecurityStamp = AccountChange.NewStamp(),
            Version = 1,
        };
        if (await accounts.AddAsync(account, cancellationToken).ConfigureAwait(false))
        {
            await scope.ServiceProvider.GetRequiredService<ISecurityEventLog>()
                .RecordAsync(new SecurityEvent(Guid.NewGuid(), now, SecurityEventKinds.AdministratorBootstrapped, "system", name, "from settings; password to be changed", null), cancellationToken)
                .ConfigureAwait(false);
            IdentityLog.AdministratorBootstrapped(logger, name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
