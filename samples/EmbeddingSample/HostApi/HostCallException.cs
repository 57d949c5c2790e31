namespace EmbeddingSample.HostApi;

/// <summary>The host answered a call with an error status; <see cref="Problem"/> is its ProblemDetails text.</summary>
internal sealed class HostCallException(HttpMethod method, Uri? uri, int status, string problem)
    : Exception($"{method} {uri} → {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
