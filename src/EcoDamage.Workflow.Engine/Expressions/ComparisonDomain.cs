namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The runtime representation both sides of a comparison are brought to.</summary>
internal enum ComparisonDomain
{
    Boolean,
    Integer,
    Decimal,
    Text,
    Date,
}
