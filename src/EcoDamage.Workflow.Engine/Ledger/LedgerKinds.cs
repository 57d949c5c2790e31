using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>The YAML and JSON names of <see cref="LedgerKind"/>.</summary>
public static class LedgerKinds
{
    private static readonly Dictionary<string, LedgerKind> ByName = new(StringComparer.Ordinal)
    {
        ["claimed"] = LedgerKind.Claimed,
        ["assessed"] = LedgerKind.Assessed,
        ["agreed"] = LedgerKind.Agreed,
        ["awarded"] = LedgerKind.Awarded,
        ["paid"] = LedgerKind.Paid,
        ["credited"] = LedgerKind.Credited,
        ["inKind"] = LedgerKind.InKind,
        ["escrowed"] = LedgerKind.Escrowed,
        ["released"] = LedgerKind.Released,
    };

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The kind named <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out LedgerKind? kind)
    {
        if (name is not null && ByName.TryGetValue(name, out var k))
        {
            kind = k;
            return true;
        }

        kind = null;
        return false;
    }

    /// <summary>The name of <paramref name="kind"/> as written in definitions and payloads.</summary>
    public static string Name(LedgerKind kind) => kind switch
    {
        LedgerKind.InKind => "inKind",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>True for the kinds that discharge the debt (paid, credited, inKind, escrowed).</summary>
    public static bool Discharges(LedgerKind kind) =>
        kind is LedgerKind.Paid or LedgerKind.Credited or LedgerKind.InKind or LedgerKind.Escrowed;
}
