using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Parties;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>
/// The ledger and parties side of a fired trigger: who may record (<c>asParty</c>, <c>collectedBy</c>), the
/// <c>parties</c> and <c>ledger</c> record lists, the balance checks (no overpayment, no release beyond escrow),
/// and the fields derived from the ledger. Every reason goes to the builder's refusals at once.
/// </summary>
internal static class LedgerRecorder
{
    /// <summary>Applies the trigger's ledger declaration to <paramref name="builder"/>.</summary>
    /// <param name="builder">The change being built.</param>
    /// <param name="engine">Resolves the case's frames (derived fields of every running definition are recomputed).</param>
    /// <param name="trigger">The fired trigger.</param>
    /// <param name="request">The request (actor, instant).</param>
    /// <param name="ledgerItems">The <c>ledger</c> record list, if carried.</param>
    /// <param name="partyItems">The <c>parties</c> record list, if carried.</param>
    /// <param name="result">Receives the changed derived fields.</param>
    public static void Apply(
        CaseBuilder builder,
        WorkflowEngine engine,
        TriggerDefinition trigger,
        FireRequest request,
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? ledgerItems,
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? partyItems,
        FireResult result)
    {
        if (trigger.Ledger is not { } declaration)
        {
            return;
        }

        CheckActor(builder, declaration, request.Actor);
        var reasons = new List<string>();
        if (partyItems is { Count: > 0 })
        {
            builder.Parties = PartyRecorder.Apply(builder.Parties, partyItems, declaration, engine.Catalog.Reference, reasons);
        }

        if (declaration.Required && ledgerItems is not { Count: > 0 })
        {
            builder.Refusals.Add(new Refusal(
                RefusalKind.MissingData,
                $"'{TriggerLedger.LedgerKey}' is required: itemise the amounts by head of damage (N9: {string.Join(", ", declaration.Kinds)})",
                TriggerLedger.LedgerKey));
        }

        if (ledgerItems is { Count: > 0 })
        {
            var entries = LedgerItemReader.Read(ledgerItems, declaration, engine.Catalog.Ledger, engine.Catalog.Reference, builder, request, reasons);
            CheckTotal(builder, declaration, entries, reasons);
            if (reasons.Count == 0)
            {
                var ledger = builder.Ledger.AddRange(entries);
                CheckBalances(LedgerSummary.Compute(ledger), entries, reasons);
                builder.Ledger = ledger;
            }
        }

        foreach (var reason in reasons)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.LedgerRefused, reason, Subject(reason)));
        }

        if (reasons.Count == 0 && ledgerItems is { Count: > 0 })
        {
            Derive(builder, engine, result);
        }
    }

    /// <summary>Recomputes every <c>derived: { ledger: … }</c> field of the case's running definitions.</summary>
    public static void Derive(CaseBuilder builder, WorkflowEngine engine, FireResult result)
    {
        var summary = LedgerSummary.Compute(builder.Ledger);
        foreach (var frame in builder.Frames)
        {
            foreach (var field in engine.Workflow(frame).Fields.Values)
            {
                if (field.LedgerDerived is not { } derived)
                {
                    continue;
                }

                var value = summary.Value(derived.Measure, derived.Head?.Text);
                if (!builder.TryGetData(field.Id, out var old) || !Equals(old, value))
                {
                    builder.SetData(field.Id, value);
                    result.SetChange(field.Id, value);
                }
            }
        }
    }

    private static void CheckActor(CaseBuilder builder, TriggerLedger declaration, Actor actor)
    {
        if (declaration.AsParty && PartyKinds.IsPartyRole(actor.Role) && !builder.Parties.Exists(p => p.Id == actor.Party && PartyKinds.Name(p.Kind) == actor.Role))
        {
            builder.Refusals.Add(new Refusal(
                RefusalKind.RoleNotAllowed,
                actor.Party is null
                    ? $"this trigger is fired by a party of the case acting as itself; the actor names no party (role '{actor.Role}')"
                    : $"'{actor.Party}' is not a party of the case of kind '{actor.Role}'; each party acts only as itself",
                actor.Party ?? actor.Role));
        }

        if (declaration.CollectedBy is { } field)
        {
            var designated = builder.TryGetData(field.Text, out var v) ? v as string : null;
            if (designated is null)
            {
                builder.Refusals.Add(new Refusal(
                    RefusalKind.RoleNotAllowed,
                    $"no department is designated in '{field.Text}' to collect the compensation yet (R27: the department the rights holder designates collects)",
                    field.Text));
            }
            else if (!string.Equals(actor.Department, designated, StringComparison.Ordinal))
            {
                builder.Refusals.Add(new Refusal(
                    RefusalKind.RoleNotAllowed,
                    $"only the designated department '{designated}' records this (R27); the actor's department is '{actor.Department ?? "none"}'",
                    field.Text));
            }
        }
    }

    /// <summary>The trigger's items must sum to the total it states (<c>ledgerTotal:</c>), e.g. the agreement's amount or the instalment paid.</summary>
    private static void CheckTotal(CaseBuilder builder, TriggerLedger declaration, List<LedgerEntry> entries, List<string> reasons)
    {
        if (declaration.Total is not { } field || reasons.Count > 0)
        {
            return;
        }

        // The settlement items a trigger states a total for (an agreement's amount); a trigger recording only
        // discharges (an instalment paid) states the total of those.
        var settlement = entries.Where(e => !LedgerKinds.Discharges(e.Kind) && e.Kind != LedgerKind.Released).ToList();
        if (settlement.Count == 0)
        {
            settlement = entries.Where(e => e.Kind != LedgerKind.Released).ToList();
        }

        var stated = builder.TryGetData(field.Text, out var v) && v is decimal d ? d : (decimal?)null;
        var sum = settlement.Sum(e => e.Amount);
        if (settlement.Count > 0 && stated != sum)
        {
            reasons.Add($"ledger: the {string.Join("/", settlement.Select(e => LedgerKinds.Name(e.Kind)).Distinct())} items sum to {sum}, but '{field.Text}' is {(stated is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not given")}");
        }
    }

    /// <summary>The item and member a reason names (<c>ledger[2].amount</c>), else the record key it concerns.</summary>
    private static string Subject(string reason)
    {
        if (!reason.StartsWith(TriggerLedger.LedgerKey, StringComparison.Ordinal) && !reason.StartsWith(TriggerLedger.PartiesKey, StringComparison.Ordinal))
        {
            return TriggerLedger.PartiesKey; // a reason about the parties as a whole (shares, leads)
        }

        var end = reason.IndexOfAny([' ', ':']);
        return end < 0 ? reason : reason[..end];
    }

    private static void CheckBalances(LedgerSummary summary, List<LedgerEntry> added, List<string> reasons)
    {
        foreach (var head in summary.Heads)
        {
            if (head.Discharged > head.Owed)
            {
                var what = added.Any(e => e.Head == head.Head && LedgerKinds.Discharges(e.Kind)) ? "overpayment" : "settlement below what is already discharged";
                reasons.Add($"ledger: {what} under '{head.Head}': owed {head.Owed}, paid, credited, performed in kind or escrowed {head.Discharged}");
            }

            if (head.Released > head.Escrowed)
            {
                reasons.Add($"ledger: release beyond escrow under '{head.Head}': escrowed {head.Escrowed}, released {head.Released} (N10)");
            }
        }
    }
}
