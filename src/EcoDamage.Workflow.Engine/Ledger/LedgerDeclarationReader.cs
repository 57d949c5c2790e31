using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Reads the ledger keys of a trigger (<c>ledger</c>, <c>parties</c>, <c>asParty</c>, <c>collectedBy</c>) and of a field (<c>derived</c>).</summary>
internal static class LedgerDeclarationReader
{
    /// <summary>The trigger's ledger declaration, or null when it declares none of the keys.</summary>
    public static TriggerLedger? ReadTrigger(MappingReader m)
    {
        var kinds = m.TokenList("ledger");
        var parties = m.TokenList("parties");
        var asParty = m.OptionalBool("asParty");
        var collectedBy = m.OptionalToken("collectedBy");
        var required = m.OptionalBool("ledgerRequired");
        var total = m.OptionalToken("ledgerTotal");
        return kinds.Count == 0 && parties.Count == 0 && !asParty && collectedBy is null && !required && total is null
            ? null
            : new TriggerLedger(kinds, parties, asParty, collectedBy) { Required = required, Total = total };
    }

    /// <summary>The field's <c>derived: { ledger: measure, head? }</c>, or null.</summary>
    public static LedgerDerivation? ReadField(YNode? derived, string field, ProblemList problems)
    {
        if (derived is not { } node)
        {
            return null;
        }

        var dm = new MappingReader(node, $"'derived' of '{field}'", problems);
        var measure = dm.RequiredToken("ledger");
        var head = dm.OptionalToken("head");
        dm.Finish();
        if (measure is not { } token)
        {
            return null;
        }

        if (!Enum.TryParse<LedgerMeasure>(Capitalise(token.Text), ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
        {
            problems.Error(
                LedgerRuleIds.Derived,
                $"'{token.Text}' of field '{field}' is not a ledger measure (owed, paid, credited, inKind, escrowed, released, outstanding, settled)",
                token.Position);
            return null;
        }

        return new LedgerDerivation(parsed, head, node.Position);
    }

    private static string Capitalise(string text) =>
        text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? "?" : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
