using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>The built-in account store on EF Core, the same on both providers.</summary>
internal sealed class EfAccountStore(WorkflowDbContext db) : IAccountStore
{
    private DbSet<AccountRow> Rows => db.Set<AccountRow>();

    public async Task<Account?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(r => r.UserName == userName, cancellationToken).ConfigureAwait(false) is { } row
            ? Record(row)
            : null;

    public async Task<IReadOnlyList<Account>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().OrderBy(r => r.UserName).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Record).ToList();

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => Rows.AnyAsync(cancellationToken);

    public async Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await Rows.AnyAsync(r => r.UserName == account.UserName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var row = new AccountRow
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Role = account.Role,
            PasswordHash = account.PasswordHash,
            SecurityStamp = account.SecurityStamp,
        };
        Copy(account, row);
        row.CreatedAt = Ticks.From(account.CreatedAt);
        row.Version = 1;
        Rows.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another writer added the same user name between the check and the insert (primary key).
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    public async Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var row = await Rows.SingleOrDefaultAsync(r => r.UserName == account.UserName, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Version != account.Version)
        {
            return false;
        }

        Copy(account, row);
        row.Version = account.Version + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
        finally
        {
            if (db.Entry(row).State != EntityState.Detached)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    private static void Copy(Account account, AccountRow row)
    {
        row.DisplayName = account.DisplayName;
        row.Role = account.Role;
        row.Department = account.Department;
        row.Jurisdiction = account.Jurisdiction;
        row.Party = account.Party;
        row.PasswordHash = account.PasswordHash;
        row.FailedCount = account.FailedCount;
        row.LockedUntil = account.LockedUntil is { } until ? Ticks.From(until) : null;
        row.MustChangePassword = account.MustChangePassword;
        row.Disabled = account.Disabled;
        row.ChangedAt = Ticks.From(account.ChangedAt);
        row.SecurityStamp = account.SecurityStamp;
    }

    private static Account Record(AccountRow row) =>
        new(row.UserName, row.DisplayName, row.Role, row.Department, row.Jurisdiction, row.Party, row.PasswordHash)
        {
            FailedCount = row.FailedCount,
            LockedUntil = row.LockedUntil is { } until ? Ticks.ToDateTimeOffset(until) : null,
            MustChangePassword = row.MustChangePassword,
            Disabled = row.Disabled,
            CreatedAt = Ticks.ToDateTimeOffset(row.CreatedAt),
            ChangedAt = Ticks.ToDateTimeOffset(row.ChangedAt),
            SecurityStamp = row.SecurityStamp,
            Version = row.Version,
        };
}
