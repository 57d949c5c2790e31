using CsCheck;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Properties;

/// <summary>What a random step does; its numbers are interpreted against the case as it is then (see <see cref="CaseRunner"/>).</summary>
public enum StepKind
{
    Fire,
    Attach,
    Tick,
}

/// <summary>
/// One random step. <see cref="Pick"/> chooses the trigger or document, <see cref="RolePick"/> the role (allowed or
/// not), <see cref="Seed"/> the trigger's data, <see cref="Amount"/> how far the clock moves (hours) or how long ago a
/// document was served (days). Plain numbers keep shrinking effective.
/// </summary>
public sealed record Step(StepKind Kind, int Pick, int RolePick, int Seed, int Amount)
{
    public override string ToString() => $"{Kind}({Pick},{RolePick},{Seed},{Amount})";
}

/// <summary>Random runs over the shipped definitions.</summary>
public static class StepGenerators
{
    /// <summary>The root definitions a run may start.</summary>
    public static readonly Gen<string> RootDefinition = Gen.Frequency(
        (3, Gen.Const("claim")), (1, Gen.Const("consultation")), (1, Gen.Const("repair")));

    /// <summary>Mostly trigger fires, some attachments and clock advances (up to ~40 days at a time).</summary>
    public static readonly Gen<Step> Step = Gen.Select(
        Gen.Frequency((6, Gen.Const(StepKind.Fire)), (3, Gen.Const(StepKind.Attach)), (2, Gen.Const(StepKind.Tick))),
        Gen.Int[0, 10_000],
        Gen.Int[0, 10_000],
        Gen.Int[0, int.MaxValue],
        Gen.Int[0, 1_000],
        (kind, pick, role, seed, amount) => new Step(kind, pick, role, seed, amount));

    /// <summary>A run: a root definition and up to 80 steps.</summary>
    public static readonly Gen<(string Root, Step[] Steps)> Run = Gen.Select(RootDefinition, Step.Array[0, 80]);

    /// <summary>A plausible (occasionally invalid or empty) value for <paramref name="field"/>.</summary>
    public static object? Value(FieldDefinition field, Random random, LocalDate today)
    {
        switch (random.Next(25))
        {
            case 0: return "bogus";
            case 1: return null;
        }

        return field.Type switch
        {
            DataType.Boolean => random.Next(4) != 0,
            DataType.Integer => (long)random.Next(-1, 6),
            DataType.Money or DataType.Decimal => random.Next(5) == 0 ? (decimal)random.Next(-10, 10) : (decimal)random.Next(1, 2_000_000),
            DataType.Text => $"文本{random.Next(3)}",
            DataType.Enum => field.Values[random.Next(field.Values.Count)].Id,
            DataType.Date => today.PlusDays(random.Next(-30, 400)),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, null),
        };
    }
}
