namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>A word naming a kind of element or an aspect of one, in Chinese and English.</summary>
/// <param name="Zh">Chinese.</param>
/// <param name="En">English, lower case.</param>
internal sealed record ChangeNoun(string Zh, string En)
{
    public string For(bool english) => english ? En : Zh;
}
