using EcoDamage.Workflow.Runtime.Migrations;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Migrations;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// <c>/api/admin/migrations</c>: administrators move running cases to another definition version on purpose: create a
/// plan (every problem listed), dry-run it page by page, execute it (in the background, resumable, idempotent) and
/// follow its progress.
/// </summary>
internal static class MigrationsApi
{
    private const string Tag = "Administration";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>Maps the endpoints; every one requires the <c>administrator</c> role (others get 403, anonymous callers 401).</summary>
    public static IEndpointRouteBuilder MapMigrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/migrations").WithTags(Tag).RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/", CreateAsync).WithName("CreateMigration")
            .WithSummary("Creates a migration of the running cases of one definition version to another from a plan (old state → new state, what to do with open deadlines); 400 lists every problem of the plan.")
            .Accepts<MigrationPlanBody>("application/json")
            .ProducesValidationProblem();
        api.MapGet("/", ListAsync).WithName("ListMigrations").WithSummary("Lists the migrations, newest first, with their status and progress.");
        api.MapGet("/{id}", GetAsync).WithName("GetMigration").WithSummary("Reads one migration: its plan, status and the progress of its last execution.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/dry-run", DryRunAsync).WithName("DryRunMigration")
            .WithSummary("What executing the migration would do, nothing written: per case its new state and the deadlines opened, closed or moved, and every case the plan cannot place. Paged by case id with ?after=&limit= (default 100, at most 1000).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/execute", ExecuteAsync).WithName("ExecuteMigration")
            .WithSummary("Executes the migration in the background, each case with its own version check and Migrated audit event (committed in groups of up to 50); resumable and idempotent (cases already on the new version are skipped). 202 with the progress.")
            .Produces<MigrationView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<MigrationView>, ValidationProblem>> CreateAsync(
        MigrationPlanBody? body, HttpContext http, MigrationService migrations, CancellationToken cancellationToken)
    {
        if (MigrationPlanReader.Read(body, out var errors) is not { } plan)
        {
            return TypedResults.ValidationProblem(errors, detail: "The migration plan is incomplete or malformed.", type: Problems.BadRequestType);
        }

        var created = await migrations.CreateAsync(plan, AdministratorPolicy.Actor(http), cancellationToken);
        if (created.Migration is not { } migration)
        {
            var problems = created.Problems;
            return TypedResults.ValidationProblem(
                problems.GroupBy(p => p.Where).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Code}: {p.Message}").ToArray()),
                detail: $"The plan has {problems.Count} problem(s): " + string.Join("; ", problems.Select(p => $"{p.Where}: {p.Message}")),
                type: Problems.BadRequestType,
                extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new MigrationProblemView(p.Code, p.Where, p.Message)).ToList() });
        }

        return TypedResults.Created($"/api/admin/migrations/{migration.Id}", MigrationView.Of(migration));
    }

    private static async Task<Ok<MigrationListView>> ListAsync(MigrationService migrations, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MigrationListView((await migrations.ListAsync(cancellationToken)).Select(MigrationView.Of).ToList()));

    private static async Task<Results<Ok<MigrationView>, ProblemHttpResult>> GetAsync(string id, MigrationService migrations, CancellationToken cancellationToken) =>
        await FindAsync(id, migrations, cancellationToken) is { } migration ? TypedResults.Ok(MigrationView.Of(migration)) : NotFound(id);

    private static async Task<Results<Ok<DryRunView>, ValidationProblem, ProblemHttpResult>> DryRunAsync(
        string id, string? after, int? limit, MigrationService migrations, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return Problems.BadParameter(nameof(limit), $"must be between 1 and {MaxLimit}");
        }

        if (await FindAsync(id, migrations, cancellationToken) is not { } migration)
        {
            return NotFound(id);
        }

        return await migrations.DryRunAsync(migration, string.IsNullOrEmpty(after) ? null : after, size, cancellationToken) is { } page
            ? TypedResults.Ok(DryRunView.Of(migration.Id, page))
            : TypedResults.Problem(
                $"Migration '{id}' names {migration.Plan.DefinitionId} {migration.Plan.From} → {migration.Plan.To}, and one of them is no longer in the catalog.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Definition Version Missing");
    }

    private static async Task<Results<Accepted<MigrationView>, ProblemHttpResult>> ExecuteAsync(
        string id, HttpContext http, MigrationService migrations, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, migrations, cancellationToken) is not { } migration)
        {
            return NotFound(id);
        }

        var running = await migrations.ExecuteAsync(migration, AdministratorPolicy.Actor(http), cancellationToken);
        return TypedResults.Accepted($"/api/admin/migrations/{running.Id}", MigrationView.Of(running));
    }

    private static async Task<MigrationRecord?> FindAsync(string id, MigrationService migrations, CancellationToken cancellationToken) =>
        id.Length is > 0 and <= 64 ? await migrations.GetAsync(id, cancellationToken) : null;

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No migration '{id}'.");
}
