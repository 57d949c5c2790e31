using System.Globalization;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A name or note in Chinese (the legal term) and English.</summary>
/// <param name="Zh">Simplified Chinese; the default UI language.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text for <paramref name="culture"/>: English for <c>en*</c>, Chinese otherwise.</summary>
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? En : Zh;

    /// <summary>Returns <c>zh (en)</c>.</summary>
    public override string ToString() => $"{Zh} ({En})";
}
