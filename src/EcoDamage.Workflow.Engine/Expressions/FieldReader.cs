using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Reads typed field values from the context without allocating (unboxing only).</summary>
internal static class FieldReader
{
    public static bool IsPresent(IEvaluationContext context, string name) =>
        context.TryGetValue(name, out var value) && value is not null;

    public static bool? ReadBoolean(IEvaluationContext context, string name) => Read(context, name) switch
    {
        null => null,
        bool b => b,
        var other => throw Mismatch(name, DataType.Boolean, other),
    };

    public static long? ReadInteger(IEvaluationContext context, string name) => Read(context, name) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw Mismatch(name, DataType.Integer, other),
    };

    public static decimal? ReadDecimal(IEvaluationContext context, string name) => Read(context, name) switch
    {
        null => null,
        decimal d => d,
        long l => l,
        int i => i,
        var other => throw Mismatch(name, DataType.Decimal, other),
    };

    public static string? ReadText(IEvaluationContext context, string name) => Read(context, name) switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(name, DataType.Text, other),
    };

    public static LocalDate? ReadDate(IEvaluationContext context, string name) => Read(context, name) switch
    {
        null => null,
        LocalDate d => d,
        var other => throw Mismatch(name, DataType.Date, other),
    };

    private static object? Read(IEvaluationContext context, string name) =>
        context.TryGetValue(name, out var value) ? value : null;

    private static InvalidOperationException Mismatch(string name, DataType type, object value) =>
        new($"Field '{name}' is read as {type} but the context holds a {value.GetType().FullName}.");
}
