namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>Writes a <see cref="DefinitionChange"/> as a sentence in Chinese or English.</summary>
internal static class ChangeSentence
{
    public static string Write(DefinitionChange change, bool english)
    {
        var subjects = change.Subjects;
        if (subjects.Count == 0)
        {
            return $"{change.Path}: {change.Before} → {change.After}";
        }

        if (change.Aspect is { } aspect)
        {
            return Property(change, Whole(subjects, english), aspect.For(english), english);
        }

        var outer = subjects.Take(subjects.Count - 1).ToList();
        var self = subjects[^1].Phrase(english);
        var where = outer.Count == 0 ? null : Whole(outer, english);
        return change.Kind switch
        {
            ChangeKind.Added when english => Capital(self) + " added" + (where is null ? string.Empty : " to " + where) + Value(change.After, subjects[^1].Id, english),
            ChangeKind.Added => (where ?? string.Empty) + "新增" + self + Value(change.After, subjects[^1].Id, english),
            ChangeKind.Removed when english => Capital(self) + " removed" + (where is null ? string.Empty : " from " + where) + Value(change.Before, subjects[^1].Id, english),
            ChangeKind.Removed => (where ?? string.Empty) + "删除" + self + Value(change.Before, subjects[^1].Id, english),
            _ when english => $"{Capital(Whole(subjects, english))} changed from {Show(change.Before)} to {Show(change.After)}",
            _ => $"{Whole(subjects, english)}由 {Show(change.Before)} 改为 {Show(change.After)}",
        };
    }

    private static string Property(DefinitionChange change, string whole, string aspect, bool english) => change.Kind switch
    {
        ChangeKind.Added when english => $"{Capital(aspect)} of {whole} set to {Show(change.After)}",
        ChangeKind.Added => $"{whole}的{aspect}设为 {Show(change.After)}",
        ChangeKind.Removed when english => $"{Capital(aspect)} of {whole} removed (was {Show(change.Before)})",
        ChangeKind.Removed => $"{whole}的{aspect}（原为 {Show(change.Before)}）已删除",
        _ when english => $"{Capital(aspect)} of {whole} changed from {Show(change.Before)} to {Show(change.After)}",
        _ => $"{whole}的{aspect}由 {Show(change.Before)} 改为 {Show(change.After)}",
    };

    /// <summary>Chinese reads outermost first (<c>状态 A 的期限 b</c>), English innermost first (<c>deadline b of state A</c>).</summary>
    private static string Whole(IReadOnlyList<ChangeSubject> subjects, bool english) =>
        english
            ? string.Join(" of ", subjects.Reverse().Select(s => s.Phrase(english)))
            : string.Join("的", subjects.Select(s => s.Phrase(english)));

    /// <summary>What an added or removed element holds, unless its id already says it (a role, an input).</summary>
    private static string Value(string? value, string id, bool english) =>
        value is null || string.Equals(value, id, StringComparison.Ordinal) ? string.Empty : english ? ": " + value : "：" + value;

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "∅" : value;

    private static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
