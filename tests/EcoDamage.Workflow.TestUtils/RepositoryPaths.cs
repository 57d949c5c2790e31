namespace EcoDamage.Workflow.TestUtils;

/// <summary>Finds the repository's folders from a test's base directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcoDamage.Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EcoDamage.Workflow.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Workflows => Path.Combine(Root, "workflows");
}
