namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Reads cases.</summary>
public interface ICaseStore
{
    /// <summary>Loads a case with its audit head.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or null when there is none.</returns>
    Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads several cases at once (the deadline sweeper's batches). A case that does not exist or cannot be
    /// read is left out; callers that need the reason load it alone with <see cref="LoadAsync"/>.
    /// </summary>
    /// <param name="caseIds">The cases.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases found, by id.</returns>
    async Task<IReadOnlyDictionary<string, StoredCase>> LoadManyAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var found = new Dictionary<string, StoredCase>(StringComparer.Ordinal);
        foreach (var id in caseIds)
        {
            if (await LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                found[id] = stored;
            }
        }

        return found;
    }
}
