namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>One line of the matrix: an endpoint (<c>METHOD /route/pattern</c>), its rule and the request that probes it.</summary>
/// <param name="Endpoint">The method and route pattern as the host maps it.</param>
/// <param name="Rule">What is expected.</param>
/// <param name="Probe">The request sent (built for the case under test); it never changes anything when allowed.</param>
/// <param name="MustList">For <see cref="MatrixRule.List"/>: an allowed caller must see the case in the answer.</param>
public sealed record MatrixRow(string Endpoint, MatrixRule Rule, Func<MatrixCase, HttpRequestMessage>? Probe = null, bool MustList = false)
{
    public override string ToString() => $"{Endpoint} [{Rule}]";
}
