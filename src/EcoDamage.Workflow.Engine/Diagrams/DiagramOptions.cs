using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>How a diagram is labelled.</summary>
/// <param name="Language">Language of the labels: <c>zh</c> (default) or <c>en</c>.</param>
/// <param name="Roles">Role catalog used to name roles in deadline notes; ids are shown when null.</param>
public sealed record DiagramOptions(string Language = "zh", RoleCatalog? Roles = null)
{
    /// <summary>Chinese labels, role ids.</summary>
    public static DiagramOptions Default { get; } = new();

    /// <summary>Marks of a diagram of changes (<see cref="Diffing.DiffDiagram"/>): coloured states and edges, prefixed labels and a legend.</summary>
    /// <value>Null by default: an ordinary diagram.</value>
    public DiagramMarks? Marks { get; init; }

    internal bool English => string.Equals(Language, "en", StringComparison.OrdinalIgnoreCase);

    internal CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("zh-CN");
}
