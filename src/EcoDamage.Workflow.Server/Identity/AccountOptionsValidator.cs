using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Reports every <see cref="AccountOptions"/> problem at once, before the host serves.</summary>
internal sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    private const string Prefix = AccountOptions.SectionName + ":";

    /// <summary>Lists every problem, each naming the setting.</summary>
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Password.MinimumLength < 8)
        {
            problems.Add($"{Prefix}Password:MinimumLength: at least 8");
        }

        if (options.Password.MaximumLength < options.Password.MinimumLength)
        {
            problems.Add($"{Prefix}Password:MaximumLength: must not be below MinimumLength");
        }

        if (options.Argon2.MemoryKiB < 8 * options.Argon2.Parallelism || options.Argon2.Iterations < 1 || options.Argon2.Parallelism < 1)
        {
            problems.Add($"{Prefix}Argon2: MemoryKiB ≥ 8 × Parallelism, Iterations ≥ 1 and Parallelism ≥ 1");
        }

        if (options.Lockout.MaxFailures < 1 || options.Lockout.Period <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}Lockout: MaxFailures ≥ 1 and a positive Period");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromHours(12))
        {
            problems.Add($"{Prefix}TokenLifetime: between zero and 12 hours");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}SessionIdleTimeout: must be positive");
        }

        var admin = options.BootstrapAdministrator;
        if (string.IsNullOrWhiteSpace(admin.UserName) != string.IsNullOrEmpty(admin.Password))
        {
            problems.Add($"{Prefix}BootstrapAdministrator: give both UserName and Password, or neither");
        }
        else if (!string.IsNullOrEmpty(admin.Password) && PasswordRules.Check(options.Password, admin.UserName!, admin.Password) is { Count: > 0 } weak)
        {
            problems.Add($"{Prefix}BootstrapAdministrator:Password: {string.Join("; ", weak)}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
