using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Reads <c>workflows/ledger.yaml</c>: <c>heads:</c> id → <c>{ zh, en, implements }</c>.</summary>
internal static class LedgerHeadsReader
{
    /// <summary>The heads of <paramref name="text"/>; problems (file and line) go to <paramref name="problems"/>.</summary>
    public static LedgerHeads Read(string text, string file, ProblemList problems)
    {
        if (YamlNodeReader.Read(text, file, problems) is not { } root)
        {
            return LedgerHeads.Empty;
        }

        var heads = new List<LedgerHead>();
        var m = new MappingReader(root, "the ledger heads", problems);
        if (m.Required("heads") is { } headsNode)
        {
            var hm = new MappingReader(headsNode, "'heads'", problems);
            foreach (var entry in hm.Entries)
            {
                var em = new MappingReader(entry.Value, $"ledger head '{entry.Key.Value}'", problems);
                var names = em.Names();
                var implements = em.TokenList("implements");
                em.Finish();
                heads.Add(new LedgerHead(entry.Key.Value, names, implements, entry.Key.Position));
            }

            if (hm.IsValid && heads.Count == 0)
            {
                problems.Error(LedgerRuleIds.HeadsFile, "'heads' lists no head of damage (N9)", headsNode.Position);
            }
        }

        m.Finish();
        return new LedgerHeads(heads);
    }
}
