using System.Globalization;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>How values are shown in changes: as a definition file would write them, culture-invariant.</summary>
internal static class ValueText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        LocalDate date => Date(date),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    /// <summary><c>money</c>, <c>enum</c>: the type as written in a definition file.</summary>
    public static string Type(DataType type) => Camel(type.ToString());

    public static string? Type(DataType? type) => type is { } t ? Type(t) : null;

    public static string Rule(HolidayRule rule) => Camel(rule.ToString());

    /// <summary><c>notify</c>, <c>copyTo</c>: the action's key as written.</summary>
    public static string Action(ActionKind kind) => Camel(kind.ToString());

    /// <summary>What a deadline counts from, as written after <c>from:</c>: <c>entered</c>, <c>field:x</c>, <c>document:y</c>.</summary>
    public static string Anchor(DeadlineAnchor anchor) =>
        anchor.Kind == AnchorKind.Entered ? "entered" : $"{Camel(anchor.Kind.ToString())}:{anchor.Name?.Text}";

    public static string? Join(IEnumerable<Token> tokens)
    {
        var text = string.Join(", ", tokens.Select(t => t.Text));
        return text.Length == 0 ? null : text;
    }

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
