using NodaTime;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>An administrative act to append to the administration trail (the store numbers, chains and hashes it).</summary>
/// <param name="At">When.</param>
/// <param name="Actor">The caller's subject.</param>
/// <param name="Role">The caller's role.</param>
/// <param name="Kind">What was done (<see cref="AdministrationKinds"/>).</param>
/// <param name="Subject">What it was done to (<c>claim@2.1.0</c>, a draft id, a document path).</param>
/// <param name="Detail">JSON object with the particulars (reason, effective period, content hash, revision…).</param>
public sealed record AdministrationEntry(Instant At, string Actor, string Role, string Kind, string Subject, string Detail);
