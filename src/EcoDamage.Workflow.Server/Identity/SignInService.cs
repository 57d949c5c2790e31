using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Checks a user name and password against the built-in account store: lockout after
/// <see cref="LockoutOptions.MaxFailures"/> failures in a row for <see cref="LockoutOptions.Period"/> (host clock), a
/// password hash re-made when the Argon2 parameters were raised, and every success, failure and lockout logged.
/// </summary>
internal sealed class SignInService(
    IAccountStore accounts,
    Argon2PasswordHasher hasher,
    SecurityEventRecorder events,
    TimeProvider time,
    IOptions<AccountOptions> options)
{
    private const int Attempts = 3;

    /// <summary>Signs <paramref name="userName"/> in with <paramref name="password"/>.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var name = UserNames.Normalize(userName);
        password ??= string.Empty;
        if (name is null || password.Length > options.Value.Password.MaximumLength)
        {
            hasher.VerifyDecoy(password.Length > 1024 ? password[..1024] : password);
            await events.RecordAsync(SecurityEventKinds.SignInFailed, userName ?? string.Empty, null, "unknown user name", cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Refused(SignInRefusal.WrongCredentials);
        }

        for (var attempt = 1; ; attempt++)
        {
            var account = await accounts.FindAsync(name, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                hasher.VerifyDecoy(password);
                await events.RecordAsync(SecurityEventKinds.SignInFailed, name, name, "unknown user name", cancellationToken).ConfigureAwait(false);
                return SignInOutcome.Refused(SignInRefusal.WrongCredentials);
            }

            var now = time.GetUtcNow();
            if (account.Disabled)
            {
                await events.RecordAsync(SecurityEventKinds.SignInFailed, name, name, "account disabled", cancellationToken).ConfigureAwait(false);
                return SignInOutcome.Refused(SignInRefusal.Disabled);
            }

            if (account.LockedUntil is { } until && until > now)
            {
                // A locked account is not tried at all: guesses during the lockout neither count nor reveal anything.
                await events.RecordAsync(SecurityEventKinds.SignInFailed, name, name, "account locked", cancellationToken).ConfigureAwait(false);
                return SignInOutcome.Refused(SignInRefusal.LockedOut);
            }

            var (changed, outcome) = Argon2PasswordHasher.Verify(password, account.PasswordHash)
                ? Succeeded(account, password, now)
                : Failed(account, now);
            if (!await accounts.UpdateAsync(changed, cancellationToken).ConfigureAwait(false))
            {
                if (attempt < Attempts)
                {
                    continue; // another sign-in of the same account wrote first: count this one on top of it
                }

                throw new InvalidOperationException($"account '{name}' kept changing during {Attempts} sign-in attempts");
            }

            await RecordAsync(name, changed, outcome, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
    }

    private (Account Changed, SignInOutcome Outcome) Succeeded(Account account, string password, DateTimeOffset now)
    {
        var changed = account with
        {
            FailedCount = 0,
            LockedUntil = null,
            PasswordHash = hasher.NeedsRehash(account.PasswordHash) ? hasher.Hash(password) : account.PasswordHash,
        };
        return (changed, SignInOutcome.Success(changed with { Version = account.Version + 1 }));
    }

    private (Account Changed, SignInOutcome Outcome) Failed(Account account, DateTimeOffset now)
    {
        var lockout = options.Value.Lockout;
        var failures = (account.LockedUntil is null ? account.FailedCount : 0) + 1; // an expired lockout starts a new count
        var locked = failures >= lockout.MaxFailures;
        var changed = account with
        {
            FailedCount = locked ? 0 : failures,
            LockedUntil = locked ? now + lockout.Period : null,
            ChangedAt = now,
        };
        return (changed, SignInOutcome.Refused(locked ? SignInRefusal.LockedOut : SignInRefusal.WrongCredentials));
    }

    private async Task RecordAsync(string name, Account changed, SignInOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Account is not null)
        {
            await events.RecordAsync(SecurityEventKinds.SignInSucceeded, name, name, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await events.RecordAsync(SecurityEventKinds.SignInFailed, name, name, "wrong password", cancellationToken).ConfigureAwait(false);
        if (changed.LockedUntil is { } until)
        {
            await events.RecordAsync(SecurityEventKinds.LockedOut, name, name, $"locked until {until:O}", cancellationToken).ConfigureAwait(false);
        }
    }
}
