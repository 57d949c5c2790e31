using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>One recoverable head of damage (N9), as listed in <c>workflows/ledger.yaml</c>.</summary>
/// <param name="Id">Head id used in ledger entries (<c>permanentLoss</c>).</param>
/// <param name="Name">Label (应急处置费用 / Emergency response costs).</param>
/// <param name="Implements">Requirement ids (N9, N7, …).</param>
/// <param name="Position">Where it is declared.</param>
public sealed record LedgerHead(string Id, LocalizedText Name, IReadOnlyList<Token> Implements, SourcePosition Position);
