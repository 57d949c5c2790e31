using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>The workflow catalog has errors, so the host must not serve; the message lists every problem.</summary>
public sealed class WorkflowCatalogException : Exception
{
    /// <summary>Creates the exception for the catalog in <paramref name="directory"/>.</summary>
    /// <param name="directory">The catalog folder.</param>
    /// <param name="problems">Every problem found (errors and warnings).</param>
    public WorkflowCatalogException(string directory, IReadOnlyList<Problem> problems)
        : base(Describe(directory, problems))
    {
        Directory = directory;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WorkflowCatalogException()
        : this(string.Empty, [])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WorkflowCatalogException(string message)
        : base(message)
    {
        Directory = string.Empty;
        Problems = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WorkflowCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        Directory = string.Empty;
        Problems = [];
    }

    /// <summary>The catalog folder.</summary>
    public string Directory { get; }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(string directory, IReadOnlyList<Problem> problems) =>
        $"The workflow catalog in '{directory}' has {problems.Count(p => p.Severity == Severity.Error)} error(s); the host will not start:"
        + string.Concat(problems.Select(p => "\n  " + p));
}
