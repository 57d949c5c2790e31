using System.Globalization;
using System.Numerics;
using CsCheck;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

/// <summary>
/// A reference model of integer arithmetic for the property tests: random trees, rendered to text with only the
/// parentheses precedence requires (plus some redundant ones), and evaluated with <see cref="BigInteger"/>, where a
/// missing field or a result outside the range of <see cref="long"/> is null.
/// </summary>
internal abstract record ArithmeticModel
{
    public static readonly string[] Fields = ["a", "b", "c"];

    private static readonly Gen<ArithmeticModel> Leaf = Gen.Frequency(
        (3, Gen.Long[0, 1000].Select(v => (ArithmeticModel)new Literal(v))),
        (1, Gen.Long[0, long.MaxValue].Select(v => (ArithmeticModel)new Literal(v))),
        (4, Gen.OneOfConst(Fields).Select(n => (ArithmeticModel)new Field(n))));

    public static Gen<ArithmeticModel> Tree(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (2, Leaf),
        (1, Tree(depth - 1).Select(e => (ArithmeticModel)new Negate(e))),
        (1, Tree(depth - 1).Select(e => (ArithmeticModel)new Parenthesized(e))),
        (4, Gen.Select(Gen.OneOfConst('+', '-', '*'), Tree(depth - 1), Tree(depth - 1),
            (op, l, r) => (ArithmeticModel)new Binary(op, l, r))));

    public abstract int Precedence { get; }

    public abstract string Render();

    public abstract BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values);

    protected static string Wrap(ArithmeticModel child, int minimum) =>
        child.Precedence >= minimum ? child.Render() : $"({child.Render()})";

    protected static BigInteger? InRange(BigInteger? value) =>
        value is { } v && v >= long.MinValue && v <= long.MaxValue ? v : null;

    private sealed record Literal(long Value) : ArithmeticModel
    {
        public override int Precedence => 9;

        public override string Render() => Value.ToString(CultureInfo.InvariantCulture);

        public override BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values) => Value;
    }

    private sealed record Field(string Name) : ArithmeticModel
    {
        public override int Precedence => 9;

        public override string Render() => Name;

        public override BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values) =>
            values[Name] is { } v ? v : null;
    }

    private sealed record Parenthesized(ArithmeticModel Inner) : ArithmeticModel
    {
        public override int Precedence => 9;

        public override string Render() => $"({Inner.Render()})";

        public override BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values) => Inner.Evaluate(values);
    }

    private sealed record Negate(ArithmeticModel Operand) : ArithmeticModel
    {
        public override int Precedence => 8;

        public override string Render() => "-" + Wrap(Operand, 8);

        public override BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values) => InRange(-Operand.Evaluate(values));
    }

    private sealed record Binary(char Operator, ArithmeticModel Left, ArithmeticModel Right) : ArithmeticModel
    {
        public override int Precedence => Operator == '*' ? 7 : 6;

        public override string Render() => $"{Wrap(Left, Precedence)} {Operator} {Wrap(Right, Precedence + 1)}";

        public override BigInteger? Evaluate(IReadOnlyDictionary<string, long?> values)
        {
            var (l, r) = (Left.Evaluate(values), Right.Evaluate(values));
            return InRange(Operator switch { '+' => l + r, '-' => l - r, _ => l * r });
        }
    }
}
