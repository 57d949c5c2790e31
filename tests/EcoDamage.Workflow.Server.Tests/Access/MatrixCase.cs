namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>The cases the matrix probes: <see cref="Id"/> and <see cref="Other"/>, already linked <c>related</c>, both in Chongchuan, routed to the ecology bureau, both granting <see cref="MatrixCaller.GrantedAccount"/>.</summary>
/// <param name="Id">The case under test.</param>
/// <param name="Other">A second case of the same owner, linked to the first.</param>
public sealed record MatrixCase(string Id, string Other)
{
    /// <summary>A webhook subscription of another system (the law-enforcement system's).</summary>
    public string Subscription { get; init; } = "";

    /// <summary>A path under the case.</summary>
    public string Path(string rest = "") => $"/api/cases/{Id}{rest}";
}
