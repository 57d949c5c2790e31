using CsCheck;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

public sealed class ExpressionPropertyTests
{
    private static readonly ExpressionScope IntegerScope =
        new(ArithmeticModel.Fields.Select(name => new FieldSymbol(name, DataType.Integer)));

    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    private static readonly Gen<long?> FieldValue = Gen.Frequency(
        (6, Gen.Long[-1_000_000, 1_000_000].Select(v => (long?)v)),
        (2, Gen.Long.Select(v => (long?)v)),
        (1, Gen.Const((long?)null)));

    private static readonly Gen<Dictionary<string, long?>> Values = Gen.Select(FieldValue, FieldValue, FieldValue,
        (a, b, c) => new Dictionary<string, long?> { ["a"] = a, ["b"] = b, ["c"] = c });

    [Fact]
    public void Evaluate_RandomArithmeticAndComparisons_MatchReferenceModel()
    {
        Gen.Select(ArithmeticModel.Tree(4), ArithmeticModel.Tree(3), Gen.OneOfConst(Comparisons), Values)
            .Sample((left, right, op, values) =>
            {
                var context = new DictionaryContext(ExpressionFixture.Today,
                    values.ToDictionary(v => v.Key, v => v.Value is { } x ? (object)x : null));
                var arithmetic = Compile(left.Render(), DataType.Integer);
                var expected = left.Evaluate(values);
                Assert.Equal(expected is { } e ? (long)e : null, (long?)arithmetic.Evaluate(context));

                var guard = Compile($"{left.Render()} {op} {right.Render()}", DataType.Boolean);
                var r = right.Evaluate(values);
                var holds = expected is { } x && r is { } y && op switch
                {
                    "==" => x == y, "!=" => x != y, "<" => x < y, "<=" => x <= y, ">" => x > y, _ => x >= y,
                };
                Assert.Equal(holds, guard.EvaluateBoolean(context));
            }, iter: 3000, print: t => $"{t.Item1.Render()} {t.Item3} {t.Item2.Render()} with a={t.Item4["a"]}, b={t.Item4["b"]}, c={t.Item4["c"]}");
    }

    [Fact]
    public void Compile_RandomCharacters_NeverThrowsAndPointsInsideTheText()
    {
        Gen.String[Gen.Char["abcmx ()[],.'\"\\!=<>&|+-*/0123456789_#\n"], 0, 40].Sample(AssertCompilesSafely, iter: 3000);
    }

    [Fact]
    public void Compile_RandomTokenSequences_NeverThrowsAndPointsInsideTheText()
    {
        string[] vocabulary =
        [
            "meetingCount", "estimatedDamage", "channel", "factsSimple", "incidentDate", "courtName", "unknown", "1", "2.5",
            "0", "'mediation'", "'x'", "(", ")", "[", "]", ",", "+", "-", "*", "/", "==", "!=", "<", ">=", "&&", "||", "!",
            "not", "in", "and", "or", "has", "min", "abs", "len", "days", "today", "date", "'2026-01-01'", "param", ".",
            "maxMeetings", "simplifiedThreshold", "unset", "null", "true",
        ];
        Gen.OneOfConst(vocabulary).Array[0, 25].Select(tokens => string.Join(" ", tokens))
            .Sample(AssertCompilesSafely, iter: 5000);
    }

    private static void AssertCompilesSafely(string text)
    {
        var result = ExpressionCompiler.Compile(text, ExpressionFixture.Scope, null);
        Assert.Equal(result.Success, result.Errors.Count == 0);
        foreach (var error in result.Errors)
        {
            Assert.Matches("^EXPR00[1-8]$", error.RuleId);
            Assert.InRange(error.Offset, 0, text.Length);
            Assert.InRange(error.Offset + error.Length, error.Offset, text.Length);
        }

        result.Expression?.Evaluate(ExpressionFixture.Context());
    }

    private static CompiledExpression Compile(string text, DataType type)
    {
        var result = ExpressionCompiler.Compile(text, IntegerScope, type);
        Assert.True(result.Success, text + ": " + string.Join("; ", result.Errors));
        return result.Expression;
    }
}
