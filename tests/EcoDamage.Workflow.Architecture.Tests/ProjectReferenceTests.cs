using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace EcoDamage.Workflow.Architecture.Tests;

public sealed class ProjectReferenceTests
{
    [Fact]
    public void SrcProjects_DependOnlyOnAllowedProjectsAndFrameworks()
    {
        var found = new List<string>();
        var details = new List<string>();
        foreach (var project in SrcProjects.Names)
        {
            var assembly = SrcProjects.Load(project);
            var forbidden = SrcProjects.Names
                .Where(other => other != project && !ArchitectureRules.AllowedProjects[project].Contains(other))
                .Select(other => (Name: other, Namespace: SrcProjects.Namespace(other), Assembly: SrcProjects.AssemblyName(other)))
                .Concat(ArchitectureRules.ForbiddenFrameworks.GetValueOrDefault(project, []).Select(framework => (Name: framework, Namespace: framework, Assembly: framework)));
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
            foreach (var (name, ns, assemblyName) in forbidden)
            {
                var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(ns).GetResult();
                var byReference = referenced.Any(r => r == assemblyName || r.StartsWith(assemblyName + ".", StringComparison.Ordinal));
                if (!result.IsSuccessful || byReference)
                {
                    found.Add($"reference {project} -> {name}");
                    var types = result.FailingTypes?.Select(t => t.FullName).Take(5) ?? [];
                    details.Add($"{project} -> {name}: assembly reference {byReference}; types {string.Join(", ", types)}");
                }
            }
        }

        Assert.True(found.Count == 0, $"Forbidden dependencies: {string.Join(" | ", details)}");
    }

    [Fact]
    public void SrcProjects_OpenTheirInternalsToNoOtherSrcProject()
    {
        var found = new List<string>();
        foreach (var project in SrcProjects.Names)
        {
            foreach (var friend in SrcProjects.Load(project).GetCustomAttributes<InternalsVisibleToAttribute>())
            {
                if (SrcProjects.ShortName(friend.AssemblyName.Split(',')[0].Trim()) is { } other)
                {
                    found.Add($"internals {project} -> {other}");
                }
            }
        }

        Assert.True(found.Count == 0, $"InternalsVisibleTo between src projects: {string.Join(" | ", found)}");
    }

    [Fact]
    public void DependencyCheck_SeesAnAllowedDependency()
    {
        // Guards the rules above against passing vacuously (an assembly not loaded, a namespace misspelt).
        var result = Types.InAssembly(SrcProjects.Load("Server")).Should().HaveDependencyOnAny(SrcProjects.Namespace("Runtime")).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(SrcProjects.Load("Storage").GetReferencedAssemblies(), a => a.Name == SrcProjects.AssemblyName("Runtime"));
    }
}
