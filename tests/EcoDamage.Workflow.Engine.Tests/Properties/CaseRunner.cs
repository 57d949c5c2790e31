using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Properties;

/// <summary>Plays random <see cref="Step"/>s on a case and checks the engine's invariants after every step.</summary>
public sealed class CaseRunner
{
    /// <summary>Start of every run: a Monday in a published calendar year.</summary>
    public static readonly Instant Start = Instant.FromUtc(2025, 3, 3, 1, 0);

    private readonly WorkflowCatalog _catalog;
    private readonly WorkflowEngine _engine;
    private readonly DeadlineEngine _deadlines;
    private readonly string[] _allTriggers;
    private readonly string[] _allDocuments;
    private readonly string[] _allRoles;

    public CaseRunner(WorkflowCatalog catalog)
    {
        _catalog = catalog;
        _engine = new WorkflowEngine(catalog);
        _deadlines = new DeadlineEngine(_engine);
        _allTriggers = catalog.Workflows.SelectMany(w => w.Definition.Triggers.Select(t => t.Id)).Append("NoSuchTrigger").Distinct().Order(StringComparer.Ordinal).ToArray();
        _allDocuments = catalog.Workflows.SelectMany(w => w.Definition.Documents.Select(d => d.Id)).Append("noSuchDocument").Distinct().Order(StringComparer.Ordinal).ToArray();
        _allRoles = catalog.Roles.Roles.Keys.Append("stranger").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Accepted changes and refusals seen, for checking that runs get somewhere.</summary>
    public int Accepted { get; private set; }

    public HashSet<string> StatesVisited { get; } = new(StringComparer.Ordinal);

    public void Run(string root, IReadOnlyList<Step> steps)
    {
        var now = Start;
        // The claim's start requires the clue's channel, domain and jurisdiction; the sub-processes take none.
        var intake = root == "claim"
            ? new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "aquaticLife", ["jurisdiction"] = "haimen" }
            : null;
        var started = _engine.Start(root, null, "case-1", new Actor("u", "handlingDepartment"), now, intake);
        Assert.True(started.Accepted, string.Join("; ", started.Refusals.Select(r => r.Message)));
        Assert.Equal(1, started.Case.Version);
        var @case = started.Case;
        CheckInvariants(@case);

        foreach (var step in steps)
        {
            now += Duration.FromMinutes(5);
            var before = @case;
            long changes;
            switch (step.Kind)
            {
                case StepKind.Fire:
                    var fired = Fire(@case, step, now);
                    changes = Changes(fired);
                    if (!fired.Accepted)
                    {
                        Assert.Same(before, fired.Case);
                    }

                    @case = fired.Case;
                    break;
                case StepKind.Attach:
                    var type = DocumentFor(@case, step.Pick);
                    var today = now.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
                    var attached = _engine.AttachDocument(@case, type, today.PlusDays(-(step.Amount % 40)), "ref", new Actor("u", "handlingDepartment"), now);
                    changes = attached.Accepted ? 1 : 0;
                    if (!attached.Accepted)
                    {
                        Assert.Same(before, attached.Case);
                    }

                    @case = attached.Case;
                    break;
                default:
                    now += Duration.FromHours(step.Amount);
                    var ticked = _deadlines.Tick(@case, now);
                    changes = ticked.Events.Sum(e => 1 + (e.AutoFire is { } auto ? Changes(auto) : 0));
                    if (ticked.Events.Count == 0)
                    {
                        Assert.Same(before, ticked.Case);
                    }

                    @case = ticked.Case;
                    break;
            }

            Accepted += (int)changes;
            Assert.True(
                @case.Version - before.Version == changes,
                $"{step}: version went from {before.Version} to {@case.Version} for {changes} accepted change(s)");
            CheckInvariants(@case);
        }
    }

    /// <summary>Accepted changes a fire made: itself and its accepted follow-ups (sub-process outcomes).</summary>
    public static long Changes(FireResult result) =>
        result.Accepted ? 1 + result.FollowUps.Sum(Changes) : 0;

    private FireResult Fire(CaseInstance @case, Step step, Instant now)
    {
        var handled = @case.Frames
            .SelectMany(f => Workflow(f).TriggersHandledIn(f.State))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var candidates = step.Pick % 4 != 0 && handled.Length > 0 ? handled : _allTriggers;
        var triggerId = candidates[step.Pick / 4 % candidates.Length];
        var trigger = @case.Frames.Select(f => Workflow(f).Definition)
            .Concat(_catalog.Workflows.Select(w => w.Definition))
            .SelectMany(d => d.Triggers.Select(t => (Definition: d, Trigger: t)))
            .FirstOrDefault(x => x.Trigger.Id == triggerId);

        string role;
        if (trigger.Trigger is { } t && step.RolePick % 5 != 0)
        {
            role = t.Roles[step.RolePick / 5 % t.Roles.Count].Text;
        }
        else
        {
            role = _allRoles[step.RolePick % _allRoles.Length];
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (trigger.Trigger is { } withInputs)
        {
            var random = new Random(step.Seed);
            var today = now.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
            foreach (var input in withInputs.Inputs)
            {
                if (random.Next(6) != 0 && trigger.Definition.Fields.FirstOrDefault(f => f.Id == input.Text) is { } field)
                {
                    data[field.Id] = StepGenerators.Value(field, random, today);
                }
            }
        }

        return _engine.Fire(@case, new FireRequest(triggerId, new Actor("u", role), now, data));
    }

    /// <summary>Mostly a missing document that a trigger of the current states requires; sometimes any type.</summary>
    private string DocumentFor(CaseInstance @case, int pick)
    {
        var wanted = @case.Frames
            .SelectMany(f =>
            {
                var workflow = Workflow(f);
                var definition = workflow.Definition;
                var handled = workflow.TriggersHandledIn(f.State);
                var onTriggers = definition.Triggers.Where(t => handled.Contains(t.Id)).SelectMany(t => t.Requires.Documents);
                var onTransitions = Ancestry(definition, f.State)
                    .SelectMany(id => definition.AllStates().Single(s => s.Id == id).Transitions)
                    .SelectMany(t => t.Requires.Documents);
                return onTriggers.Concat(onTransitions).Select(d => d.Text);
            })
            .Where(d => !@case.Documents.ContainsKey(d))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return pick % 4 != 0 && wanted.Length > 0 ? wanted[pick / 4 % wanted.Length] : _allDocuments[pick % _allDocuments.Length];
    }

    private CompiledWorkflow Workflow(CaseFrame frame) =>
        _catalog.Find(frame.DefinitionId, frame.Version) ?? throw new InvalidOperationException(frame.DefinitionKey);

    private void CheckInvariants(CaseInstance @case)
    {
        Assert.NotEmpty(@case.Frames);
        var currentStates = new HashSet<(string Definition, string State)>();
        for (var i = 0; i < @case.Frames.Length; i++)
        {
            var frame = @case.Frames[i];
            var definition = Workflow(frame).Definition;
            StatesVisited.Add($"{definition.Id}.{frame.State}");

            // (a) every frame is in a declared, leaf state of its own definition.
            var state = definition.AllStates().SingleOrDefault(s => s.Id == frame.State);
            Assert.True(state is not null, $"frame {frame.DefinitionKey} is in undeclared state '{frame.State}'");
            Assert.True(state.Substates.Count == 0, $"frame {frame.DefinitionKey} rests in composite state '{frame.State}'");

            // (b) a non-terminal current state always handles something; only the innermost frame may be terminal
            // while the root is, and a frame under another is the callee of its parent's current state.
            if (!state.Terminal)
            {
                Assert.True(
                    Workflow(frame).TriggersHandledIn(frame.State).Count > 0,
                    $"{frame.DefinitionKey} is stuck in non-terminal '{frame.State}', which handles no trigger");
            }

            if (i > 0)
            {
                var parent = Workflow(@case.Frames[i - 1]).Definition.AllStates().Single(s => s.Id == @case.Frames[i - 1].State);
                Assert.True(parent.Call?.Workflow.Text == frame.DefinitionId, $"frame {frame.DefinitionKey} runs under '{parent.Id}', which does not call it");
                Assert.False(state.Terminal, $"finished sub-process {frame.DefinitionKey} ({frame.State}) was not popped");
            }

            foreach (var s in Ancestry(definition, frame.State))
            {
                currentStates.Add((definition.Id, s));
            }
        }

        // (e) at most one active deadline per (definition, deadline, state) — for a schedule's deadlines, per item or
        // month (keys definition/schedule@item#n, R24/R25) — each on a current state or an ancestor.
        var active = @case.ActiveDeadlines.ToList();
        foreach (var group in active.GroupBy(d => (d.DefinitionId, d.DeadlineId, d.Key[..d.Key.LastIndexOf('#')], d.State)))
        {
            Assert.True(group.Count() == 1, $"{group.Count()} active deadlines for {group.Key}: {string.Join(", ", group.Select(d => d.Key))}");
        }

        foreach (var d in active)
        {
            Assert.True(
                currentStates.Contains((d.DefinitionId, d.State)),
                $"active deadline {d.Key} belongs to {d.DefinitionId}.{d.State}, not a current state ({string.Join(" / ", @case.States)})");
        }
    }

    /// <summary>The state and its ancestors, found by walking the declared tree.</summary>
    public static IReadOnlyList<string> Ancestry(WorkflowDefinition definition, string state)
    {
        var path = new List<string>();
        return Find(definition.States, state, path) ? path : [];

        static bool Find(IReadOnlyList<StateDefinition> states, string id, List<string> path)
        {
            foreach (var s in states)
            {
                path.Add(s.Id);
                if (s.Id == id || Find(s.Substates, id, path))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }

            return false;
        }
    }
}
