namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>What a role of <c>roles.yaml</c> may reach and do beyond the triggers definitions give it.</summary>
/// <param name="Scope">Which cases it reads (and, unless <paramref name="ReadOnly"/>, acts on).</param>
/// <param name="ReadOnly">True when it changes nothing (the auditor; the procuratorate beyond its own supervision triggers is bounded by the definitions).</param>
/// <param name="PersonalData">True when it sees the personal data of obligors and informants unmasked.</param>
public sealed record RoleAccess(AccessScopeKind Scope, bool ReadOnly = false, bool PersonalData = false)
{
    /// <summary>The access of a role declared without <c>scope:</c>: nothing (deny by default).</summary>
    public static RoleAccess Nothing { get; } = new(AccessScopeKind.None, ReadOnly: true);

    /// <summary>The engine's own role: every case, acting (auto-fired triggers, deadlines).</summary>
    public static RoleAccess Engine { get; } = new(AccessScopeKind.All, PersonalData: true);
}
