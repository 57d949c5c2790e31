using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Ledger;

namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>
/// Applies a trigger's <c>parties</c> record list: names new obligors or rights holders of the kinds the trigger
/// declares, or records an existing party's outcome (<c>{id, outcome}</c>); then checks the set as a whole.
/// </summary>
internal static class PartyRecorder
{
    private static readonly string[] Members = ["id", "kind", "name", "share", "joint", "jurisdiction", "lead", "outcome"];

    /// <summary>The parties after <paramref name="items"/>; reasons go to <paramref name="reasons"/>.</summary>
    public static ImmutableList<CaseParty> Apply(
        ImmutableList<CaseParty> parties,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> items,
        TriggerLedger declaration,
        Reference.ReferenceData reference,
        List<string> reasons)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var label = $"{TriggerLedger.PartiesKey}[{i}]";
            var m = new RecordMembers(items[i], label, Members, reasons);
            m.CheckUnknown();
            var id = m.Text("id", required: true);
            if (id is null)
            {
                continue;
            }

            var existing = parties.FindIndex(p => p.Id == id);
            if (existing >= 0)
            {
                // A party already named only gains its outcome (performed, defaulted, …).
                var outcome = m.Text("outcome", required: true);
                if (items[i].Keys.Any(k => k is not ("id" or "outcome" or "kind")))
                {
                    reasons.Add($"{label}: party '{id}' is already named; only its outcome can be recorded");
                }
                else if (outcome is not null)
                {
                    parties = parties.SetItem(existing, parties[existing] with { Outcome = outcome });
                }

                continue;
            }

            if (ReadNew(m, label, id, declaration, reference, reasons) is { } party)
            {
                parties = parties.Add(party);
            }
        }

        CheckWhole(parties, reasons);
        return parties;
    }

    private static CaseParty? ReadNew(RecordMembers m, string label, string id, TriggerLedger declaration, Reference.ReferenceData reference, List<string> reasons)
    {
        var before = reasons.Count;
        var kindName = m.Text("kind", required: true);
        var name = m.Text("name", required: true);
        var share = m.Decimal("share");
        var joint = m.Boolean("joint");
        var jurisdiction = m.Text("jurisdiction");
        var lead = m.Boolean("lead");
        var outcome = m.Text("outcome");
        PartyKind? kind = null;
        if (kindName is not null && !PartyKinds.TryParse(kindName, out kind))
        {
            reasons.Add($"{label}.kind '{kindName}' is not a party kind (obligor, rightsHolder)");
        }
        else if (kindName is not null && !declaration.PartyKinds.Any(k => k.Text == kindName))
        {
            reasons.Add($"{label}.kind '{kindName}' cannot be named by this trigger (it names: {string.Join(", ", declaration.PartyKinds)})");
        }

        if (share is { } s && (s <= 0m || s > 1m))
        {
            reasons.Add($"{label}.share {s} must be above 0 and at most 1");
        }

        if (kind == PartyKind.Obligor && share is not null && joint)
        {
            reasons.Add($"{label}: an obligor is liable either for a share (several) or jointly for the whole, not both");
        }

        if (kind == PartyKind.RightsHolder && (share is not null || joint))
        {
            reasons.Add($"{label}: share and joint are for obligors");
        }

        if (kind == PartyKind.Obligor && lead)
        {
            reasons.Add($"{label}: only a rights holder leads a joint consultation (R4)");
        }

        if (jurisdiction is not null && !reference.Contains("jurisdictions", jurisdiction))
        {
            reasons.Add($"{label}.jurisdiction '{jurisdiction}' is not a jurisdiction of the reference data (R4)");
        }

        return reasons.Count == before && kind is { } k
            ? new CaseParty(id, k, name!, share, joint, jurisdiction, lead, outcome)
            : null;
    }

    private static void CheckWhole(ImmutableList<CaseParty> parties, List<string> reasons)
    {
        var shares = parties.Where(p => p.Kind == PartyKind.Obligor && p.Share is not null).Sum(p => p.Share!.Value);
        if (shares > 1m)
        {
            reasons.Add($"the shares of the severally liable obligors sum to {shares}, more than the whole debt (1)");
        }

        var holders = parties.Where(p => p.Kind == PartyKind.RightsHolder).ToList();
        var leads = holders.Count(p => p.Lead);
        if (leads > 1)
        {
            reasons.Add($"{leads} rights holders are named as lead; a joint consultation has one lead (R4)");
        }
        else if (leads == 0 && holders.Select(p => p.Jurisdiction).Where(j => j is not null).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            reasons.Add("rights holders of different jurisdictions consult jointly with one lead (R4); name the lead");
        }
    }
}
