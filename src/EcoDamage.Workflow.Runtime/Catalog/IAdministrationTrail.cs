namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>Reads the administration trail.</summary>
public interface IAdministrationTrail
{
    /// <summary>Events after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AdministrationEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);
}
