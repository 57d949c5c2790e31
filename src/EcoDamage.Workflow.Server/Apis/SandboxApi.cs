using EcoDamage.Workflow.Scheduling.Deadlines;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Sandbox;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// <c>POST /api/sandbox/clock</c>: in sandbox mode (<c>Clock:Mode=Virtual</c>) the administrator sets or advances the
/// virtual clock, and the deadline sweep runs at once through the same <see cref="DeadlineSweeper"/> the Quartz job
/// runs. In every other mode the route is not mapped (404).
/// </summary>
internal static class SandboxApi
{
    private const string Tag = "Sandbox";

    /// <summary>Maps the endpoint when the host's clock is virtual; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ClockSettings>() is not { Mode: ClockMode.Virtual })
        {
            return app;
        }

        app.MapPost("/api/sandbox/clock", MoveAsync).WithName("MoveSandboxClock").WithTags(Tag)
            .WithSummary("Sandbox mode only: sets ({\"set\": \"2027-03-01T09:00:00+08:00\"}) or advances ({\"advance\": \"P31D\"}) the virtual clock, never backwards, then runs the deadline sweep (reminders, escalations) at the new time.")
            .RequireAuthorization(AdministratorPolicy.Policy)
            .Accepts<SandboxClockRequest>("application/json")
            .Produces<SandboxClockAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<SandboxClockAnswer>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        SandboxClockRequest? request, HttpContext http, VirtualClock clock, DeadlineSweeper sweeper, ILogger<SandboxClockAnswer> logger,
        CancellationToken cancellationToken)
    {
        if (ClockMove.Read(request, out var move) is { } invalid)
        {
            return invalid;
        }

        var (previous, target, moved) = clock.Move(move);
        if (target is null)
        {
            return Problems.BadParameter("advance", "moves the clock past the year 9000");
        }

        if (!moved)
        {
            return TypedResults.Problem(
                $"The clock shows {previous:O}; {target.Value.ToUniversalTime():O} is earlier, and time never goes back.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");
        }

        // The job's own path: a sweep claims the rows due at the new time; a case the job's sweep writes meanwhile is a
        // version conflict here (counted, not written twice).
        var swept = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        SandboxLog.ClockMoved(logger, AdministratorPolicy.Actor(http), previous, target.Value, swept.Cases, swept.Escalations);
        return TypedResults.Ok(new SandboxClockAnswer(
            nameof(ClockMode.Virtual), target.Value.ToUniversalTime(), previous,
            new SandboxSweepView(swept.Cases, swept.Reminders, swept.Overdue, swept.Escalations, swept.Conflicts, swept.Failures.Count)));
    }
}
