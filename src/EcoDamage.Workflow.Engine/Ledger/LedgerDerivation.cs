using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>A field derived from the case's ledger: <c>derived: { ledger: outstanding, head: permanentLoss }</c>.</summary>
/// <param name="Measure">What it holds.</param>
/// <param name="Head">One head, or null for every head.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record LedgerDerivation(LedgerMeasure Measure, Token? Head, SourcePosition Position);
