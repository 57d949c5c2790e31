using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A kind of document or evidence a case may hold (site-survey record, opinion letter, …).</summary>
/// <param name="Id">Document type id.</param>
/// <param name="Name">Label (the legal term in Chinese).</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record DocumentDefinition(string Id, LocalizedText Name, IReadOnlyList<Token> Implements, SourcePosition Position)
{
    /// <summary>
    /// The roles that may attach it (<c>roles:</c>), or empty when the definition leaves it to the rule: a role that
    /// may fire a trigger requiring it (issue 13: the obligor cannot attach the department's official decisions).
    /// </summary>
    public IReadOnlyList<Token> Roles { get; init; } = [];
}
