using System.Text.Json;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Deadlines: what is due soon or overdue, a department's reminders, the escalations a role received; extensions in the partial file.</summary>
internal static partial class DeadlinesApi
{
    private const string Tag = "Deadlines";
    private const int MaxFeed = IDeadlineDirectory.MaxPageSize;

    /// <summary>Maps <c>/api/deadlines</c> and the extension endpoints under <c>/api/cases/{id}</c>; every endpoint requires a caller.</summary>
    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var deadlines = app.MapGroup("/api/deadlines").WithTags(Tag).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        deadlines.MapGet("/", ListAsync).WithName("ListDeadlines")
            .WithSummary("Lists active deadlines, soonest due first, by department, jurisdiction, state, overdue or due within N days (paged).")
            .ProducesValidationProblem();
        deadlines.MapGet("/reminders", RemindersAsync).WithName("DepartmentReminders")
            .WithSummary("A department's reminder feed: reminders sent before its cases' deadlines, newest first.")
            .ProducesValidationProblem();
        deadlines.MapGet("/escalations", EscalationsAsync).WithName("EscalationsReceived")
            .WithSummary("Escalations a role received (by default the procuratorate, R9), newest first, with the legal basis and lateness.")
            .ProducesValidationProblem();
        MapExtensions(app);
        return app;
    }

    private static async Task<Results<Ok<DeadlineListView>, ValidationProblem>> ListAsync(
        HttpContext http,
        CallerScopes scopes,
        IDeadlineDirectory directory,
        TimeProvider time,
        string? department,
        string? jurisdiction,
        string? state,
        int? dueWithinDays,
        bool? overdue,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        if (dueWithinDays is < 0 or > 3660)
        {
            return Problems.BadParameter("dueWithinDays", "must be between 0 and 3660");
        }

        if (page is < 1)
        {
            return Problems.BadParameter("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > IDeadlineDirectory.MaxPageSize)
        {
            return Problems.BadParameter("pageSize", $"must be between 1 and {IDeadlineDirectory.MaxPageSize}");
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var result = await directory.ListAsync(
            new DeadlineFilter(now, department, jurisdiction, state, dueWithinDays, overdue, page ?? 1, pageSize ?? 50) { Scope = CasesApi.ReadScope(http, scopes) },
            cancellationToken);
        return TypedResults.Ok(new DeadlineListView(result.Items.Select(DeadlineItem.From).ToArray(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<DeadlineFeedView>, ValidationProblem>> RemindersAsync(
        HttpContext http, CallerScopes scopes, IDeadlineDirectory directory, string? department, int? limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return Problems.BadParameter("department", "is required");
        }

        if (limit is < 1 or > MaxFeed)
        {
            return Problems.BadParameter("limit", $"must be between 1 and {MaxFeed}");
        }

        return TypedResults.Ok(Feed(await directory.RemindersAsync(department, CasesApi.ReadScope(http, scopes), limit ?? 50, cancellationToken)));
    }

    private static async Task<Results<Ok<DeadlineFeedView>, ValidationProblem>> EscalationsAsync(
        HttpContext http, CallerScopes scopes, IDeadlineDirectory directory, string? role, int? limit, CancellationToken cancellationToken)
    {
        if (role is { Length: 0 or > 100 })
        {
            return Problems.BadParameter("role", "must be a role id");
        }

        if (limit is < 1 or > MaxFeed)
        {
            return Problems.BadParameter("limit", $"must be between 1 and {MaxFeed}");
        }

        return TypedResults.Ok(Feed(await directory.EscalationsAsync(role ?? "procuratorate", CasesApi.ReadScope(http, scopes), limit ?? 50, cancellationToken)));
    }

    private static DeadlineFeedView Feed(IReadOnlyList<DeadlineFeedEntry> entries) =>
        new(entries.Select(e => new DeadlineFeedItem(
            e.CaseId, e.Sequence, e.At.ToDateTimeOffset(), e.Kind, e.Deadline, e.State, e.Department, e.Jurisdiction,
            JsonDocument.Parse(e.Details).RootElement.Clone())).ToArray());
}
