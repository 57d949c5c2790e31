using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// Starts a multi-instance call (<c>call: { forEach: … }</c>) when its state is entered: one branch per item of
/// the collection, each entered down the callee's initial chain with its own data (the item's members seeded into
/// the callee's fields of the same id) and deadlines.
/// </summary>
internal static class BranchStarter
{
    /// <summary>
    /// Starts the branches; false when the collection has no items, so that the caller runs the plain call
    /// (a case that recorded no phases repairs as one instance).
    /// </summary>
    public static bool Start(
        StateEntry entry, CaseBuilder builder, int frameIndex, string stateId, CallDefinition call, CompiledWorkflow callee, Instant at, FireResult result)
    {
        if (call.ForEach is not { } forEach || !builder.Collections.TryGetValue(forEach.Text, out var items) || items.IsEmpty)
        {
            return false;
        }

        foreach (var item in items)
        {
            var key = $"{forEach.Text}/{item.Id}";
            var seed = CaseData.Empty;
            foreach (var (member, value) in item.Values)
            {
                if (!callee.Fields.TryGetValue(member, out var field) || field.Lookup is not null)
                {
                    continue; // members that are not the callee's fields stay with the item
                }

                if (DataCoercion.TryCoerce(field, value, out var typed, out var error))
                {
                    seed = seed.With(member, typed);
                }
                else
                {
                    builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"{key}: {error}", $"{forEach.Text}[{item.Id}].{member}"));
                }
            }

            var frame = new CaseFrame(callee.Definition.Id, callee.Definition.Version, callee.Definition.Initial.Text);
            var view = BranchView.Of(builder.Original, new CaseBranch(key, forEach.Text, item.Id, frameIndex, stateId, [frame], seed)) with
            {
                Deadlines = BranchView.DeadlinesOf(builder.Deadlines, key),
                History = builder.History,
            };
            var sub = new CaseBuilder(view);
            var entered = FireResult.Begin(view, result.Trigger);
            entry.EnterFrame(sub, 0, callee, at, entered);
            builder.Refusals.AddRange(sub.Refusals);
            builder.Deadlines = BranchView.MergeDeadlines(builder.Deadlines, sub.Deadlines, key);
            builder.History = builder.History.Add(new HistoryEntry(
                at, HistoryKind.CallStarted, callee.Key, stateId, sub.Frames[0].State, null, Actor.System.Id, Actor.System.Role,
                ImmutableDictionary<string, object?>.Empty) { Branch = key });
            builder.Branches = builder.Branches.Add(new CaseBranch(key, forEach.Text, item.Id, frameIndex, stateId, sub.Frames, sub.Data));
            foreach (var opened in entered.DeadlinesOpened)
            {
                result.AddOpened(BranchView.FromView(opened, key));
            }

            foreach (var action in entered.Actions)
            {
                result.AddAction(action);
            }
        }

        return true;
    }

    /// <summary>Ends the branches of <paramref name="state"/> in frame <paramref name="frameIndex"/> (the calling state is left): closes their open deadlines and drops them.</summary>
    public static void End(CaseBuilder builder, int frameIndex, string state, Instant at, FireResult result)
    {
        var ending = builder.Branches.Where(b => b.ParentFrame == frameIndex && b.CallingState == state).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        if (ending.Count == 0)
        {
            return;
        }

        builder.CloseWhere(ending, static (d, e) => d.Branch is { } b && e.Contains(b), at, result);

        builder.Branches = builder.Branches.RemoveAll(b => ending.Contains(b.Key));
    }
}
