namespace EcoDamage.Workflow.Engine.Expressions;

internal enum UnaryOperator
{
    Not,
    Negate,
}
