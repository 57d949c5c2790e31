using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Parties;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Turns the items of a trigger's <c>ledger</c> record list into entries, with every reason an item is not accepted.</summary>
internal static class LedgerItemReader
{
    private static readonly string[] Members = ["kind", "head", "amount", "party", "basis", "document", "treasury", "project", "phase", "instalment"];

    /// <summary>The entries of <paramref name="items"/>, numbered after the case's last one; reasons go to <paramref name="reasons"/>.</summary>
    public static List<LedgerEntry> Read(
        IReadOnlyList<IReadOnlyDictionary<string, object?>> items,
        TriggerLedger declaration,
        LedgerHeads heads,
        Reference.ReferenceData reference,
        CaseBuilder builder,
        FireRequest request,
        List<string> reasons)
    {
        var entries = new List<LedgerEntry>(items.Count);
        var seq = builder.Ledger.Count;
        for (var i = 0; i < items.Count; i++)
        {
            var label = $"{TriggerLedger.LedgerKey}[{i}]";
            var m = new RecordMembers(items[i], label, Members, reasons);
            m.CheckUnknown();
            var before = reasons.Count;
            var kindName = m.Text("kind", required: true);
            var head = m.Text("head", required: true);
            var amount = m.Decimal("amount", required: true);
            var party = m.Text("party");
            var basis = m.Text("basis");
            var document = m.Text("document");
            var treasury = m.Text("treasury");
            var project = m.Text("project");
            var phase = m.Text("phase");
            var instalment = m.Integer("instalment");
            LedgerKind? kind = null;
            if (kindName is not null && !LedgerKinds.TryParse(kindName, out kind))
            {
                reasons.Add($"{label}.kind '{kindName}' is not a ledger kind ({string.Join(", ", LedgerKinds.Names)})");
            }
            else if (kind is { } k && !declaration.Records(k))
            {
                reasons.Add($"{label}.kind '{kindName}' is not recorded by this trigger (it records: {string.Join(", ", declaration.Kinds)})");
            }

            if (head is not null && !heads.Contains(head))
            {
                reasons.Add($"{label}.head '{head}' is not a head of damage (workflows/ledger.yaml: {string.Join(", ", heads.All.Select(h => h.Id))})");
            }

            if (amount is <= 0m)
            {
                reasons.Add($"{label}.amount {amount} must be greater than zero (money is never negative)");
            }

            if (kind == LedgerKind.Credited)
            {
                CheckCredit(label, basis, document, builder.Documents, reasons);
            }

            if (kind == LedgerKind.Released && project is null)
            {
                reasons.Add($"{label}.project is required: escrowed money is released only to a matched repair project (N10)");
            }

            party = CheckParty(label, party, builder.Parties, declaration, request.Actor, reasons);
            if (treasury is not null && !reference.Contains("treasuries", treasury))
            {
                reasons.Add($"{label}.treasury '{treasury}' is not a treasury of the reference data (R27)");
            }

            if (instalment is <= 0)
            {
                reasons.Add($"{label}.instalment must be 1 or more");
            }

            if (reasons.Count == before && kind is { } accepted)
            {
                entries.Add(new LedgerEntry(
                    ++seq, accepted, head!, amount!.Value, party, basis, document, treasury, project, phase,
                    request.At, request.Actor.Id, request.Trigger) { Instalment = instalment });
            }
        }

        return entries;
    }

    private static void CheckCredit(string label, string? basis, string? document, ImmutableDictionary<string, CaseDocument> documents, List<string> reasons)
    {
        if (basis is null)
        {
            reasons.Add($"{label}.basis is required for a credit (why the cost the obligor bore counts, N9)");
        }

        if (document is null)
        {
            reasons.Add($"{label}.document is required for a credit (the document type that proves the cost, N9)");
        }
        else if (!documents.ContainsKey(document))
        {
            reasons.Add($"{label}.document '{document}' is not attached to the case");
        }
    }

    private static string? CheckParty(string label, string? party, ImmutableList<CaseParty> parties, TriggerLedger declaration, Actor actor, List<string> reasons)
    {
        if (declaration.AsParty && PartyKinds.IsPartyRole(actor.Role))
        {
            // Each party acts only as itself: its entries are its own.
            if (party is not null && party != actor.Party)
            {
                reasons.Add($"{label}.party '{party}' is not the acting party '{actor.Party}'");
            }

            party ??= actor.Party;
        }

        if (party is not null && !parties.Exists(p => p.Id == party && p.Kind == PartyKind.Obligor))
        {
            reasons.Add($"{label}.party '{party}' is not an obligor of the case");
        }

        return party;
    }

}
