namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The type of a case data field, a definition parameter or an expression.</summary>
/// <remarks>
/// Runtime representation: <see cref="Boolean"/> is <see cref="bool"/>, <see cref="Integer"/> is
/// <see cref="long"/>, <see cref="Money"/> and <see cref="Decimal"/> are <see cref="decimal"/>
/// (money in yuan), <see cref="Text"/> and <see cref="Enum"/> are <see cref="string"/>,
/// <see cref="Date"/> is <see cref="NodaTime.LocalDate"/>. A missing value is <see langword="null"/>.
/// </remarks>
public enum DataType
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number (counts).</summary>
    Integer,

    /// <summary>An amount of money in yuan (元), held as <see cref="decimal"/>.</summary>
    Money,

    /// <summary>A decimal number that is not money (ratios, multipliers).</summary>
    Decimal,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One value of a closed list declared with the field.</summary>
    Enum,

    /// <summary>A calendar date in the workflow's time zone.</summary>
    Date,
}
