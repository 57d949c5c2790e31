using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>An administrator's changes to accounts, each written to the security event log with who made it.</summary>
internal sealed class AccountAdministration(
    IAccountStore accounts,
    Argon2PasswordHasher hasher,
    AccountValidation validation,
    SecurityEventRecorder events,
    TimeProvider time,
    IOptions<AccountOptions> options)
{
    /// <summary>Creates an account whose password must be changed at the first sign-in.</summary>
    public async Task<AccountChange> CreateAsync(string actor, CreateAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = UserNames.Normalize(request.UserName);
        if (name is null)
        {
            errors["userName"] = [$"letters, digits and . _ - @, at most {UserNames.MaxLength} characters"];
        }

        if (string.IsNullOrWhiteSpace(request.Role))
        {
            errors["role"] = ["required"];
        }

        Text(errors, "displayName", request.DisplayName, 200);
        Text(errors, "party", request.Party, 100);
        Text(errors, "department", request.Department, 100);
        Text(errors, "jurisdiction", request.Jurisdiction, 100);
        validation.Check(errors, string.IsNullOrWhiteSpace(request.Role) ? null : request.Role, request.Department, request.Jurisdiction);
        Password(errors, name ?? request.UserName ?? string.Empty, request.Password);
        if (errors.Count > 0)
        {
            return AccountChange.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var account = new Account(name!, Blank(request.DisplayName) ?? name!, request.Role!, Blank(request.Department), Blank(request.Jurisdiction), Blank(request.Party), hasher.Hash(request.Password!))
        {
            MustChangePassword = true,
            CreatedAt = now,
            ChangedAt = now,
            SecurityStamp = AccountChange.NewStamp(),
            Version = 1,
        };
        if (!await accounts.AddAsync(account, cancellationToken).ConfigureAwait(false))
        {
            return AccountChange.Of(AccountChangeStatus.Conflict);
        }

        await events.RecordAsync(SecurityEventKinds.AccountCreated, actor, name, $"role {account.Role}", cancellationToken).ConfigureAwait(false);
        return AccountChange.Done(account);
    }

    /// <summary>Changes name, role, department, jurisdiction or party; what sessions rely on changing ends them.</summary>
    public Task<AccountChange> UpdateAsync(string actor, string userName, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Text(errors, "displayName", request.DisplayName, 200);
        Text(errors, "party", request.Party, 100);
        Text(errors, "department", request.Department, 100);
        Text(errors, "jurisdiction", request.Jurisdiction, 100);
        validation.Check(errors, request.Role, request.Department, request.Jurisdiction);
        if (request.Role is { Length: 0 })
        {
            errors["role"] = ["must not be empty"];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(AccountChange.Invalid(errors));
        }

        return ChangeAsync(actor, userName, SecurityEventKinds.AccountChanged, a =>
        {
            var changed = a with
            {
                DisplayName = Blank(request.DisplayName) ?? a.DisplayName,
                Role = request.Role ?? a.Role,
                Department = request.Department is null ? a.Department : Blank(request.Department),
                Jurisdiction = request.Jurisdiction is null ? a.Jurisdiction : Blank(request.Jurisdiction),
                Party = request.Party is null ? a.Party : Blank(request.Party),
            };
            var scopeChanged = changed.Role != a.Role || changed.Department != a.Department || changed.Jurisdiction != a.Jurisdiction || changed.Party != a.Party;
            return scopeChanged ? changed with { SecurityStamp = AccountChange.NewStamp() } : changed;
        }, cancellationToken);
    }

    /// <summary>Disables (or enables) an account; disabling ends its sessions.</summary>
    public Task<AccountChange> SetDisabledAsync(string actor, string userName, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, disabled ? SecurityEventKinds.AccountDisabled : SecurityEventKinds.AccountEnabled,
            a => a with { Disabled = disabled, SecurityStamp = disabled ? AccountChange.NewStamp() : a.SecurityStamp }, cancellationToken);

    /// <summary>Ends a lockout and clears the failure count.</summary>
    public Task<AccountChange> UnlockAsync(string actor, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, SecurityEventKinds.AccountUnlocked, a => a with { FailedCount = 0, LockedUntil = null }, cancellationToken);

    /// <summary>Sets a new password the person must change at the next sign-in; ends their sessions and any lockout.</summary>
    public Task<AccountChange> ResetPasswordAsync(string actor, string userName, ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Password(errors, userName, request.Password);
        return errors.Count > 0
            ? Task.FromResult(AccountChange.Invalid(errors))
            : ChangeAsync(actor, userName, SecurityEventKinds.PasswordReset, a => a with
            {
                PasswordHash = hasher.Hash(request.Password!),
                MustChangePassword = true,
                FailedCount = 0,
                LockedUntil = null,
                SecurityStamp = AccountChange.NewStamp(),
            }, cancellationToken);
    }

    private async Task<AccountChange> ChangeAsync(string actor, string userName, string kind, Func<Account, Account> change, CancellationToken cancellationToken)
    {
        if (UserNames.Normalize(userName) is not { } name || await accounts.FindAsync(name, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return AccountChange.Of(AccountChangeStatus.NotFound);
        }

        var changed = change(account) with { ChangedAt = time.GetUtcNow() };
        if (!await accounts.UpdateAsync(changed, cancellationToken).ConfigureAwait(false))
        {
            return AccountChange.Of(AccountChangeStatus.Conflict);
        }

        await events.RecordAsync(kind, actor, name, Describe(account, changed), cancellationToken).ConfigureAwait(false);
        return AccountChange.Done(changed with { Version = account.Version + 1 });
    }

    private static string? Describe(Account before, Account after)
    {
        var parts = new List<string>();
        void Diff(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                parts.Add($"{field} {from ?? "-"} → {to ?? "-"}");
            }
        }

        Diff("role", before.Role, after.Role);
        Diff("department", before.Department, after.Department);
        Diff("jurisdiction", before.Jurisdiction, after.Jurisdiction);
        Diff("party", before.Party, after.Party);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private void Password(Dictionary<string, string[]> errors, string userName, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = ["required"];
        }
        else if (PasswordRules.Check(options.Value.Password, userName, password) is { Count: > 0 } problems)
        {
            errors["password"] = [.. problems];
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (AccountValidation.TextProblem(value, maxLength) is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
