using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Storage.Access;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Queries;
using EcoDamage.Workflow.Storage.Search;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Tests.Access;

/// <summary>
/// Listings cut to an access scope in SQL (issue 13): jurisdiction among the scope's, handling or referring department
/// (R8), a grant of the party; and every filter value a parameter, never a constant inlined into the SQL (the attack:
/// NUL in a filter answered 500, and each distinct value grew the query cache).
/// </summary>
public abstract class ScopeFilterScenarios(StorageProvider provider)
{
    private static readonly CaseRow[] Rows =
    [
        Row("a", "chongchuan", "ecologyBureau", null),
        Row("b", "chongchuan", "naturalResourcesBureau", "ecologyBureau"),
        Row("c", "tongzhou", "ecologyBureau", null),
        Row("d", "chongchuan", "waterBureau", null),
        Row("e", null, null, null),
    ];

    protected async Task Within_EachScope_ReachesExactlyItsCases()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.QueryAsync(async store =>
        {
            store.Cases.AddRange(Rows);
            store.CaseGrants.Add(new CaseGrantRow { CaseId = "d", Party = "acme" });
            return await store.SaveChangesAsync();
        });

        Assert.Equal(["a", "b", "c", "d", "e"], await IdsAsync(db, AccessScope.Everything));
        Assert.Empty(await IdsAsync(db, AccessScope.Nothing));
        Assert.Equal(["a", "b", "d"], await IdsAsync(db, new AccessScope { Jurisdictions = new HashSet<string> { "chongchuan" } }));
        // The referring department keeps seeing the case it referred (b).
        Assert.Equal(["a", "b"], await IdsAsync(db, new AccessScope { Jurisdictions = new HashSet<string> { "chongchuan" }, Department = "ecologyBureau" }));
        Assert.Equal(["a", "b", "c"], await IdsAsync(db, new AccessScope { Jurisdictions = new HashSet<string> { "chongchuan", "tongzhou" }, Department = "ecologyBureau" }));
        Assert.Equal(["d"], await IdsAsync(db, new AccessScope { Party = "acme" }));
        Assert.Empty(await IdsAsync(db, new AccessScope { Party = "beta" }));
    }

    protected async Task Criteria_FilterAndScopeValues_AreParametersNotConstants()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var filter = new CaseFilter(["zzState"], Department: "zzDepartment", Jurisdiction: "zzJurisdiction", Channel: "zzChannel", Domain: "zzDomain", Text: "zzText")
        {
            Scope = new AccessScope { Jurisdictions = new HashSet<string> { "zzWithin" }, Department = "zzScopeDepartment", Party = "zzParty" },
        };
        var sql = await db.QueryAsync(store =>
        {
            var criteria = new CaseCriteria(store, new CaseSearchIndex(store), filter);
            return Task.FromResult(criteria.AsSets().ToQueryString() + "\n" + criteria.AsRowTests().ToQueryString());
        });

        // ToQueryString prints each parameter's value in a header comment; the statements themselves name only parameters.
        var statements = string.Join('\n', sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)
            && !l.TrimStart().StartsWith(".param", StringComparison.Ordinal) && !l.Contains("DECLARE", StringComparison.Ordinal)));
        Assert.False(statements.Contains("zz", StringComparison.Ordinal), statements);
    }

    private static async Task<string[]> IdsAsync(TestDatabase db, AccessScope scope) =>
        await db.QueryAsync(store => ScopeFilter.Within(store.Cases.AsNoTracking(), scope, store).Select(c => c.Id).OrderBy(i => i).ToArrayAsync());

    private static CaseRow Row(string id, string? jurisdiction, string? department, string? referring) => new()
    {
        Id = id, DefinitionId = "claim", DefinitionVersion = "2.0.0", State = "ClueScreening", Snapshot = "{}", AuditHead = "genesis",
        Jurisdiction = jurisdiction, Department = department, ReferringDepartment = referring,
    };
}
