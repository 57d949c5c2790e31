using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A case data field: typed, labelled, optionally derived from a lookup table.</summary>
/// <param name="Id">Field name used in expressions and API payloads.</param>
/// <param name="Name">Label.</param>
/// <param name="Type">Data type.</param>
/// <param name="Values">Allowed values for <see cref="DataType.Enum"/>, empty otherwise.</param>
/// <param name="Lookup">When set, the field is derived: the engine fills it from a table keyed by another field.</param>
/// <param name="Implements">Requirement ids (R…/N…).</param>
/// <param name="Position">Where it is declared.</param>
public sealed record FieldDefinition(
    string Id,
    LocalizedText Name,
    DataType Type,
    IReadOnlyList<EnumValue> Values,
    FieldLookup? Lookup,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>When set, the field is derived from the case's ledger (<c>derived: { ledger: outstanding }</c>).</summary>
    public Ledger.LedgerDerivation? LedgerDerived { get; init; }
}

/// <summary>A derived field's source: <c>table[key field]</c>.</summary>
/// <param name="Table">Lookup table id (a file in <c>workflows/tables/</c>).</param>
/// <param name="Key">The field whose value selects the row.</param>
public sealed record FieldLookup(Token Table, Token Key);
