namespace EcoDamage.Workflow.Engine.Expressions;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
