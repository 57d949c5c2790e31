using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>One step of what a change is about: <c>state Negotiating (磋商中)</c>.</summary>
/// <param name="Noun">What it is.</param>
/// <param name="Id">Its id, as written.</param>
/// <param name="Name">Its label, when it has one.</param>
internal sealed record ChangeSubject(ChangeNoun Noun, string Id, LocalizedText? Name)
{
    /// <summary><c>状态 Negotiating（磋商中）</c> or <c>state Negotiating (Negotiating)</c>.</summary>
    public string Phrase(bool english)
    {
        var label = Name is null ? null : ShortLabel(english ? Name.En : Name.Zh);
        var head = Id.Length == 0 ? Noun.For(english) : $"{Noun.For(english)} {Id}";
        if (string.IsNullOrWhiteSpace(label) || string.Equals(label, Id, StringComparison.Ordinal))
        {
            return head;
        }

        return english ? $"{head} ({label})" : $"{head}（{label}）";
    }

    /// <summary>
    /// A label without its trailing parenthesis (<c>磋商期限（90日）</c> → <c>磋商期限</c>): the parenthesis qualifies the
    /// term, and the sentence already puts the label in one.
    /// </summary>
    internal static string ShortLabel(string label)
    {
        var text = label.Trim();
        foreach (var (open, close) in new[] { ('（', '）'), ('(', ')') })
        {
            if (text.Length > 0 && text[^1] == close && text.LastIndexOf(open) is var start and > 0)
            {
                return text[..start].TrimEnd();
            }
        }

        return text;
    }
}
