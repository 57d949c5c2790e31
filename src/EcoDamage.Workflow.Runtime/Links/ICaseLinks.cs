namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>Reads the links of a case, in both directions (written by the commands of <see cref="CaseLinkHandler"/>).</summary>
public interface ICaseLinks
{
    /// <summary>The links of <paramref name="caseId"/>, each seen from it, oldest first.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The links (empty when there are none or the case does not exist).</returns>
    Task<IReadOnlyList<LinkedCase>> ListAsync(string caseId, CancellationToken cancellationToken = default);
}
