using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>The YAML and JSON names of <see cref="PartyKind"/>, and the role each kind acts in.</summary>
public static class PartyKinds
{
    /// <summary>The kind named <paramref name="name"/> (<c>obligor</c>, <c>rightsHolder</c>).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out PartyKind? kind)
    {
        kind = name switch
        {
            "obligor" => PartyKind.Obligor,
            "rightsHolder" => PartyKind.RightsHolder,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>True for the roles parties act in (<c>obligor</c>, <c>rightsHolder</c>): an actor in one of them acts as a party under <c>asParty</c>.</summary>
    public static bool IsPartyRole(string role) => TryParse(role, out _);

    /// <summary>The name of <paramref name="kind"/>; it is also the role a party of that kind acts in.</summary>
    public static string Name(PartyKind kind) => kind == PartyKind.Obligor ? "obligor" : "rightsHolder";
}
