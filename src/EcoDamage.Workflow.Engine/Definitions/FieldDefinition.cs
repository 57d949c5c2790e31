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
    /// <summary>The reference-data list (<c>reference:</c> departments, jurisdictions or treasuries) a value must be an id of.</summary>
    /// <value>Null: any value of the field's type is accepted.</value>
    public Token? Reference { get; init; }

    /// <summary>True for personal data of an obligor or informant (<c>personal: true</c>): masked for roles without <c>personalData</c>.</summary>
    /// <value>False by default.</value>
    public bool Personal { get; init; }

    /// <summary>When set, the field is derived: the sum of a member over a schedule's items (<c>derived:</c>).</summary>
    public Schedules.ScheduleSum? Derived { get; init; }

    /// <summary>True when the engine keeps the value (a lookup, a schedule sum or a ledger balance): no caller sets it.</summary>
    public bool IsDerived => Lookup is not null || Derived is not null || LedgerDerived is not null;

    /// <summary>When set, the field is derived from the case's ledger (<c>derived: { ledger: outstanding }</c>).</summary>
    public Ledger.LedgerDerivation? LedgerDerived { get; init; }
}

/// <summary>A derived field's source: <c>table[key field]</c>.</summary>
/// <param name="Table">Lookup table id (a file in <c>workflows/tables/</c>).</param>
/// <param name="Key">The field whose value selects the row.</param>
public sealed record FieldLookup(Token Table, Token Key);
