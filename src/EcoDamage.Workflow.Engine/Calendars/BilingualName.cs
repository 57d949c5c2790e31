namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>A name in Chinese and English, as written in a calendar file.</summary>
/// <param name="Zh">The Chinese name, e.g. 春节.</param>
/// <param name="En">The English name, e.g. Spring Festival.</param>
public sealed record BilingualName(string Zh, string En)
{
    /// <summary>Returns <c>zh (en)</c>.</summary>
    public override string ToString() => $"{Zh} ({En})";
}
