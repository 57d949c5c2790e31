namespace EcoDamage.Workflow.Engine.Diagnostics;

/// <summary>Collects every problem found in one pass, so a user sees them all at once.</summary>
internal sealed class ProblemList
{
    private readonly List<Problem> _items = [];

    public IReadOnlyList<Problem> Items => _items;

    public bool HasErrors => _items.Exists(p => p.Severity == Severity.Error);

    public void Error(string ruleId, string message, SourcePosition at) =>
        _items.Add(new Problem(Severity.Error, ruleId, message, at));

    public void Warning(string ruleId, string message, SourcePosition at) =>
        _items.Add(new Problem(Severity.Warning, ruleId, message, at));

    public void AddRange(IEnumerable<Problem> problems) => _items.AddRange(problems);
}
