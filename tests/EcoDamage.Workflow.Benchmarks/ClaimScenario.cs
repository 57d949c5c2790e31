using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// The measured path: a claim started and given every document up front, then twelve accepted
/// <see cref="WorkflowEngine.Fire"/> calls through the real claim definition (no sub-process calls).
/// </summary>
public sealed class ClaimScenario
{
    public const int Steps = 12;

    /// <summary>Trigger, role, data (typed values, as an embedding application would pass them), expected leaf state after.</summary>
    internal static readonly (string Trigger, string Role, (string Key, object Value)[] Data, string After)[] Path =
    [
        ("StartPreliminaryCheck", "handlingDepartment", [], "PreliminaryCheck"),
        ("Refer", "handlingDepartment", [("referredTo", "naturalResourcesBureau"), ("referralReason", "Forestry damage")], "Referred"),
        ("AcceptReferral", "handlingDepartment", [], "PreliminaryCheck"),
        ("DecideNotToStart", "handlingDepartment", [("notStartingGround", "alreadyPerformed"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false)], "NotStarted"),
        ("UrgeToStart", "procuratorate", [], "UnderSupervision"),
        ("OrderToStart", "rightsHolder", [], "Investigation"),
        ("CompleteInvestigation", "handlingDepartment",
            [("estimatedDamage", 120_000m), ("factsSimple", true), ("liabilityUndisputed", true), ("damageSmall", true)], "DamageAssessment"),
        ("UseSimplifiedProcedure", "handlingDepartment", [("simplifiedMethod", "expertOpinion")], "SimplifiedAssessment"),
        ("DeliverAppraisal", "expert", [("assessedDamage", 100_000m)], "ConsultationPreparation"),
        ("ClaimPunitiveDamages", "handlingDepartment",
            [("intentionalViolation", true), ("seriousConsequences", true), ("punitiveAmount", 150_000m), ("punitiveFactors", "Repeated discharge")],
            "ConsultationPreparation"),
        ("ClaimPunitiveDamages", "handlingDepartment",
            [("intentionalViolation", true), ("seriousConsequences", true), ("punitiveAmount", 180_000m), ("punitiveFactors", "Repeated discharge, revised")],
            "ConsultationPreparation"),
        ("Terminate", "handlingDepartment", [("notStartingGround", "obligorUnavailable"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false)], "Terminated"),
    ];

    internal static readonly string[] Documents =
    [
        "referralLetter", "preliminaryCheckReport", "caseOpeningDecision", "siteSurveyRecord",
        "samplingMonitoringReport", "photoVideoEvidence", "simplifiedAssessment",
    ];

    public ClaimScenario()
    {
        Catalog = ShippedCatalog.Catalog;
        Engine = new WorkflowEngine(Catalog);
        var start = Instant.FromUtc(2026, 3, 2, 1, 0);
        var started = Engine.Start("claim", null, "bench-1", new Actor("u1", "handlingDepartment"), start,
            StartData());
        Require(started, "start");
        var @case = started.Case;
        foreach (var type in Documents)
        {
            var attached = Engine.AttachDocument(@case, type, new LocalDate(2026, 3, 2), $"{type}-001", new Actor("u1", "handlingDepartment"), start);
            Require(attached, $"attach {type}");
            @case = attached.Case;
        }

        Snapshot = @case;
        Requests = Path
            .Select((step, i) => new FireRequest(
                step.Trigger,
                new Actor("u-" + step.Role, step.Role),
                start.Plus(Duration.FromHours(i + 1)),
                step.Data.Length == 0 ? null : step.Data.ToDictionary(d => d.Key, d => (object?)d.Value, StringComparer.Ordinal)))
            .ToArray();
    }

    public WorkflowCatalog Catalog { get; }

    /// <summary>The data the claim is started with (shared with the runtime benchmark).</summary>
    internal static Dictionary<string, object?> StartData() =>
        new() { ["channel"] = "routineSupervision", ["domain"] = "forestry", ["jurisdiction"] = "chongchuan" };

    public WorkflowEngine Engine { get; }

    /// <summary>The case every iteration starts from (in ClueScreening, all documents attached).</summary>
    public CaseInstance Snapshot { get; }

    public FireRequest[] Requests { get; }

    public WorkflowDefinition ClaimDefinition => Catalog.Latest("claim")!.Definition;

    /// <summary>The measured operation: fires the twelve triggers; returns the final case.</summary>
    public CaseInstance Run()
    {
        var @case = Snapshot;
        var requests = Requests;
        for (var i = 0; i < requests.Length; i++)
        {
            @case = Engine.Fire(@case, requests[i]).Case;
        }

        return @case;
    }

    /// <summary>Runs the path once, checking every step is accepted and lands where expected.</summary>
    public CaseInstance Verify()
    {
        var @case = Snapshot;
        for (var i = 0; i < Requests.Length; i++)
        {
            var result = Engine.Fire(@case, Requests[i]);
            Require(result, $"step {i + 1} ({Requests[i].Trigger})");
            if (result.Case.State != Path[i].After)
            {
                throw new InvalidOperationException($"step {i + 1} ({Requests[i].Trigger}) ended in {result.Case.State}, expected {Path[i].After}");
            }

            @case = result.Case;
        }

        return @case;
    }

    /// <summary>A text rendering of everything the path did, to diff before and after an optimization.</summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder();
        var @case = Snapshot;
        foreach (var request in Requests)
        {
            var r = Engine.Fire(@case, request);
            text.AppendLine(FormattableString.Invariant($"{r.Trigger}: {r.From} -> {r.To} accepted={r.Accepted} exited=[{string.Join(",", r.Exited)}] entered=[{string.Join(",", r.Entered)}]"));
            text.AppendLine("  changes " + string.Join(", ", r.Changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
            text.AppendLine("  actions " + string.Join(", ", r.Actions.Select(a => a.ToString())));
            text.AppendLine("  opened " + string.Join(", ", r.DeadlinesOpened.Select(d => d.ToString())));
            text.AppendLine("  closed " + string.Join(", ", r.DeadlinesClosed.Select(d => d.ToString())));
            @case = r.Case;
        }

        text.AppendLine(FormattableString.Invariant($"final v{@case.Version} {string.Join("/", @case.States)} supervision=[{string.Join(",", @case.Supervision)}]"));
        foreach (var d in @case.Data.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.AppendLine(FormattableString.Invariant($"  data {d.Key}={d.Value}"));
        }

        foreach (var h in @case.History)
        {
            text.AppendLine(FormattableString.Invariant(
                $"  history {h.At} {h.Kind} {h.DefinitionKey} {h.From}->{h.To} {h.Trigger} {h.ActorId}/{h.Role} {{{string.Join(",", h.Changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}}}"));
        }

        foreach (var d in @case.Deadlines)
        {
            text.AppendLine("  deadline " + d + " reminders " + string.Join(",", d.Reminders.Select(r => r.ToString())));
        }

        return text.ToString();
    }

    private static void Require(FireResult result, string what)
    {
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"{what} refused: {string.Join("; ", result.Refusals.Select(r => r.Message))}");
        }
    }
}
