using System.Reflection;

namespace EcoDamage.Workflow.Architecture.Tests;

/// <summary>
/// The src projects by their short names (<c>Engine</c> for <c>EcoDamage.Workflow.Engine</c>), their assemblies and
/// root namespaces (<c>EcoDamage.Workflow.Cli</c> builds the assembly <c>ecodamage</c>).
/// </summary>
internal static class SrcProjects
{
    public const string Prefix = "EcoDamage.Workflow.";

    public static readonly string[] Names = ["Engine", "Runtime", "Storage", "Scheduling", "Messaging", "Server", "Cli"];

    public static string AssemblyName(string name) => name == "Cli" ? "ecodamage" : Prefix + name;

    public static string Namespace(string name) => Prefix + name;

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(AssemblyName(name)));

    /// <summary>The short name of one of our src assemblies, or <see langword="null"/> (tests, benchmarks, other libraries).</summary>
    public static string? ShortName(string assemblyName) => Names.FirstOrDefault(name => AssemblyName(name) == assemblyName);
}
