using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>A person changing their own password: the current one is checked, the new one must follow the rules.</summary>
internal sealed class PasswordChanges(
    IAccountStore accounts,
    Argon2PasswordHasher hasher,
    SecurityEventRecorder events,
    TimeProvider time,
    IOptions<AccountOptions> options)
{
    /// <summary>
    /// Changes <paramref name="userName"/>'s password; on success the must-change flag is cleared and the stamp replaced
    /// (every other session of the account ends; the caller gets a new token or cookie).
    /// </summary>
    public async Task<AccountChange> ChangeAsync(string userName, PasswordChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await accounts.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { Disabled: false } account)
        {
            return AccountChange.Of(AccountChangeStatus.NotFound);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors["newPassword"] = ["required"];
        }
        else if (PasswordRules.Check(options.Value.Password, userName, request.NewPassword) is { Count: > 0 } problems)
        {
            errors["newPassword"] = [.. problems];
        }
        else if (string.Equals(request.NewPassword, request.CurrentPassword, StringComparison.Ordinal))
        {
            errors["newPassword"] = ["must differ from the current password"];
        }

        var current = request.CurrentPassword ?? string.Empty;
        if (current.Length > options.Value.Password.MaximumLength || !Argon2PasswordHasher.Verify(current, account.PasswordHash))
        {
            await events.RecordAsync(SecurityEventKinds.SignInFailed, userName, userName, "wrong current password at a password change", cancellationToken).ConfigureAwait(false);
            return AccountChange.Of(AccountChangeStatus.WrongPassword);
        }

        if (errors.Count > 0)
        {
            return AccountChange.Invalid(errors);
        }

        var changed = account with
        {
            PasswordHash = hasher.Hash(request.NewPassword!),
            MustChangePassword = false,
            SecurityStamp = AccountChange.NewStamp(),
            ChangedAt = time.GetUtcNow(),
        };
        if (!await accounts.UpdateAsync(changed, cancellationToken).ConfigureAwait(false))
        {
            return AccountChange.Of(AccountChangeStatus.Conflict);
        }

        await events.RecordAsync(SecurityEventKinds.PasswordChanged, userName, userName, null, cancellationToken).ConfigureAwait(false);
        return AccountChange.Done(changed with { Version = account.Version + 1 });
    }
}
