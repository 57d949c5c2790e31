namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// Dense integer ids for a definition's states and triggers. Stateless runs on these rather than on
/// the string ids: its per-fire dictionary lookups then hash an int instead of a string.
/// </summary>
internal sealed class MachineSymbols
{
    private readonly Dictionary<string, int> _states;
    private readonly Dictionary<string, int> _triggers;

    public MachineSymbols(IEnumerable<string> states, IEnumerable<string> triggers)
    {
        States = states.ToArray();
        Triggers = triggers.ToArray();
        _states = Index(States);
        _triggers = Index(Triggers);
    }

    public string[] States { get; }

    public string[] Triggers { get; }

    public int State(string id) => _states[id];

    public int Trigger(string id) => _triggers[id];

    private static Dictionary<string, int> Index(string[] ids)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            index.Add(ids[i], i);
        }

        return index;
    }
}
