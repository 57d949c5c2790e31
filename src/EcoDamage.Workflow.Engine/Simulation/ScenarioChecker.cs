using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// Checks a scenario against the catalog before anything runs: SC004 workflow, SC005 trigger, SC006 document,
/// SC007 role, SC008 field, SC009 state, each with its position.
/// </summary>
/// <param name="catalog">The catalog the scenario runs on.</param>
internal sealed class ScenarioChecker(WorkflowCatalog catalog)
{
    /// <summary>The workflow the scenario starts on, or null; every scenario mistake goes to <paramref name="problems"/>.</summary>
    public CompiledWorkflow? Check(Scenario scenario, ProblemList problems)
    {
        CompiledWorkflow? root;
        if (scenario.Version is { } v && SemanticVersion.TryParse(v.Text, out var version))
        {
            root = catalog.Find(scenario.Workflow.Text, version);
            if (root is null)
            {
                problems.Error("SC004", $"workflow '{scenario.Workflow.Text}' has no version {v.Text}{Known()}", v.Position);
                return null;
            }
        }
        else
        {
            root = catalog.Latest(scenario.Workflow.Text);
            if (root is null)
            {
                problems.Error("SC004", $"unknown workflow '{scenario.Workflow.Text}'{Known()}", scenario.Workflow.Position);
                return null;
            }
        }

        var reachable = Reachable(root);
        var triggers = reachable.SelectMany(w => w.Definition.Triggers).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var documents = reachable.SelectMany(w => w.Definition.Documents).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var fields = reachable.SelectMany(w => w.Definition.Fields).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var states = reachable.SelectMany(w => w.Definition.AllStates()).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var value in scenario.Data.Where(d => !root.Fields.ContainsKey(d.Field.Text)))
        {
            problems.Error("SC008", $"'{value.Field.Text}' is not a data field of '{root.Key}'{Hint(value.Field.Text, root.Fields.Keys)}", value.Field.Position);
        }

        CheckRole(scenario.StartedBy, problems);
        foreach (var step in scenario.Steps)
        {
            switch (step)
            {
                case FireStep fire:
                    if (!triggers.Contains(fire.Trigger.Text))
                    {
                        problems.Error("SC005", $"unknown trigger '{fire.Trigger.Text}'{Hint(fire.Trigger.Text, triggers)}", fire.Trigger.Position);
                    }

                    CheckRole(fire.Role, problems);
                    break;
                case AttachStep attach:
                    if (!documents.Contains(attach.Document.Text))
                    {
                        problems.Error("SC006", $"unknown document type '{attach.Document.Text}'{Hint(attach.Document.Text, documents)}", attach.Document.Position);
                    }

                    CheckRole(attach.Role, problems);
                    break;
                case ExpectStep expect:
                    if (expect.State is { } s && !states.Contains(s.Text))
                    {
                        problems.Error("SC009", $"unknown state '{s.Text}'{Hint(s.Text, states)}", s.Position);
                    }

                    if (expect.SupervisedBy is { } r)
                    {
                        CheckRole(r, problems);
                    }

                    foreach (var value in expect.Data.Where(d => !fields.Contains(d.Field.Text)))
                    {
                        problems.Error("SC008", $"unknown data field '{value.Field.Text}'{Hint(value.Field.Text, fields)}", value.Field.Position);
                    }

                    break;
            }
        }

        return root;
    }

    private void CheckRole(Token role, ProblemList problems)
    {
        if (!catalog.Roles.Contains(role.Text))
        {
            problems.Error("SC007", $"unknown role '{role.Text}'{Hint(role.Text, catalog.Roles.Roles.Keys)}", role.Position);
        }
    }

    private List<CompiledWorkflow> Reachable(CompiledWorkflow root)
    {
        var result = new List<CompiledWorkflow> { root };
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var call in result[i].Definition.AllStates().Select(s => s.Call).OfType<CallDefinition>())
            {
                if (catalog.Latest(call.Workflow.Text) is { } callee && !result.Contains(callee))
                {
                    result.Add(callee);
                }
            }
        }

        return result;
    }

    private string Known() =>
        $" (known: {string.Join(", ", catalog.Workflows.Select(w => w.Key).Order(StringComparer.Ordinal))})";

    private static string Hint(string text, IEnumerable<string> known) =>
        Loading.Suggest.Closest(text, known) is { } hint ? $" (did you mean '{hint}'?)" : string.Empty;
}
