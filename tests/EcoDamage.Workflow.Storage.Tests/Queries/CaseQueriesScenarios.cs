using System.Globalization;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Queries;
using EcoDamage.Workflow.Storage.Search;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Tests.Queries;

/// <summary>
/// The case listing's plans (index count, sorted matches, bounded walk newest first, and the walk's fall-back) against
/// a brute-force answer computed in memory over a few hundred stored cases; each provider's test class runs them.
/// </summary>
public abstract class CaseQueriesScenarios(StorageProvider provider)
{
    private const int CaseCount = 400;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly string[] Words = ["废水", "偷排", "恒泰", "化工有限", "废水 偷排", "AB", "ab", "废", "%_", "沙漠", "泰化"];
    private static readonly string[] States = ["ClueRegistered", "PreliminaryCheck", "Investigation", "Closed"];

    // Tiny thresholds make a few hundred cases take every plan: the walk (window of 10 cases and up), its fall-back.
    private static readonly CaseListThresholds[] Plans =
    [
        CaseListThresholds.Default,
        new(SortAtMost: 5, WalkAtMost: 10_000, MinWindow: 10, WindowMargin: 1),
        new(SortAtMost: 5, WalkAtMost: 10_000, MinWindow: 10, WindowMargin: 4),
    ];

    private sealed record Seeded(string Id, string State, string Department, string Text, long UpdatedAt, long[] Dues);

    protected async Task EveryPlan_TextAndDeadlineFilters_MatchBruteForce()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cases = await SeedAsync(db);
        var filters = new List<CaseFilter>();
        foreach (var word in Words)
        {
            filters.Add(new CaseFilter([], Text: word));
            filters.Add(new CaseFilter([], Text: word, Page: 2, PageSize: 7));
            filters.Add(new CaseFilter([], Text: word, OverdueAt: Now));
            filters.Add(new CaseFilter(["PreliminaryCheck", "Investigation"], Text: word));
        }

        foreach (var days in new[] { -40, -10, 0, 30 })
        {
            var at = Now.Plus(Duration.FromDays(days));
            filters.Add(new CaseFilter([], OverdueAt: at));
            filters.Add(new CaseFilter([], OverdueAt: at, Page: 3, PageSize: 5));
            filters.Add(new CaseFilter([], OverdueAt: at, Page: 40, PageSize: 10));
            filters.Add(new CaseFilter([], Department: "水利局", OverdueAt: at));
            filters.Add(new CaseFilter([], DueBy: at, DueFrom: at.Minus(Duration.FromDays(20))));
            filters.Add(new CaseFilter([], Text: "废水", DueBy: at));
        }

        filters.Add(new CaseFilter(["Closed"]));
        filters.Add(new CaseFilter([], Department: "水利局", PageSize: 100));
        filters.Add(new CaseFilter([], Text: "废水", Page: 1000));

        foreach (var thresholds in Plans)
        {
            foreach (var filter in filters)
            {
                var expected = BruteForce(cases, filter);
                var page = await db.QueryAsync(store => new CaseQueries(store, thresholds).ListAsync(filter with { Scope = Runtime.Access.AccessScope.Everything }));
                var label = $"{filter} with {thresholds}";
                Assert.True(expected.Total == page.Total, $"total {page.Total}, expected {expected.Total}: {label}");
                Assert.True(expected.Ids.SequenceEqual(page.Cases.Select(c => c.Case.Id)), $"page [{string.Join(", ", page.Cases.Select(c => c.Case.Id))}], expected [{string.Join(", ", expected.Ids)}]: {label}");
            }
        }
    }

    private static (int Total, string[] Ids) BruteForce(IReadOnlyList<Seeded> cases, CaseFilter filter)
    {
        var size = Math.Clamp(filter.PageSize, 1, CaseFilter.MaxPageSize);
        var matches = cases
            .Where(c => filter.States.Count == 0 || filter.States.Contains(c.State))
            .Where(c => filter.Department is null || c.Department == filter.Department)
            .Where(c => filter.Text is null || c.Text.Contains(filter.Text, StringComparison.Ordinal))
            .Where(c => filter.OverdueAt is not { } o || c.Dues.Any(d => d <= o.ToUnixTimeTicks()))
            .Where(c => filter.DueBy is not { } b || c.Dues.Any(d => d <= b.ToUnixTimeTicks() && d >= (filter.DueFrom?.ToUnixTimeTicks() ?? long.MinValue)))
            .OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        return (matches.Length, matches.Skip((Math.Max(1, filter.Page) - 1) * size).Take(size).Select(c => c.Id).ToArray());
    }

    // Descriptions from a small vocabulary (a common word in about half, firm names, ASCII letters in both cases,
    // punctuation), UpdatedAt on a coarse grid (ties), 0–2 deadlines due some days after the update (so the overdue
    // cases are the older ones: the walk from the newest finds them late and must fall back).
    private static async Task<IReadOnlyList<Seeded>> SeedAsync(TestDatabase db)
    {
        var template = new WorkflowEngine(ShippedCatalog.Catalog).Start("claim", null, "template", new Actor("u1", "handlingDepartment"), Now,
            new Dictionary<string, object?> { ["channel"] = "complaintOrReport", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "模板" }).Case;
        string[] firms = ["恒泰", "宏达", "金源", "AB", "ab", "Ab", "%_", "华鑫"];
        string[] acts = ["偷排废水", "超标排放废渣", "非法倾倒", "化工有限公司私设暗管排放废水", "露天焚烧", "偷排\n废水"];
        string[] departments = ["生态环境局", "水利局", "林业局"];
        var random = new Random(11);
        var seeded = new List<Seeded>();
        for (var i = 0; i < CaseCount; i++)
        {
            var id = i.ToString("x8", CultureInfo.InvariantCulture);
            var text = $"{firms[random.Next(firms.Length)]}{acts[random.Next(acts.Length)]}\n来源{random.Next(5)}泰 化";
            var updatedAt = Now.Minus(Duration.FromHours(6 * random.Next(0, 200))).ToUnixTimeTicks();
            var dues = Enumerable.Range(0, random.Next(3))
                .Select(_ => updatedAt + Duration.FromDays(random.Next(0, 60)).BclCompatibleTicks).ToArray();
            seeded.Add(new Seeded(id, States[random.Next(States.Length)], departments[random.Next(departments.Length)], text, updatedAt, dues));
        }

        await db.QueryAsync(async store =>
        {
            foreach (var c in seeded)
            {
                store.Cases.Add(new CaseRow
                {
                    Id = c.Id, DefinitionId = "claim", DefinitionVersion = "1.0.0", State = c.State, Department = c.Department,
                    Version = 1, Snapshot = CaseJson.Serialize(template with { Id = c.Id }), AuditSequence = 1, AuditHead = "seed",
                    CreatedAt = c.UpdatedAt, UpdatedAt = c.UpdatedAt,
                });
                store.CaseSearch.Add(new CaseSearchRow { CaseId = c.Id, Text = c.Text, Grams = CaseSearchText.Grams(c.Text) });
                for (var n = 0; n < c.Dues.Length; n++)
                {
                    store.Deadlines.Add(new DeadlineRow
                    {
                        CaseId = c.Id, Key = $"claim/check#{n}", DefinitionId = "claim", DeadlineId = "check", State = c.State,
                        Due = c.Dues[n], Status = "Running", NextEventAt = c.Dues[n],
                    });
                }
            }

            return await store.SaveChangesAsync();
        });
        return seeded;
    }
}
