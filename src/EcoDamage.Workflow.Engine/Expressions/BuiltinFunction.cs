namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The functions that compile to a <see cref="BoundCall"/>; <c>has</c>, <c>today</c> and <c>date</c> bind to dedicated nodes.</summary>
internal enum BuiltinFunction
{
    Days,
    Min,
    Max,
    Abs,
    Len,
}
