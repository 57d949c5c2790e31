using Microsoft.Extensions.Configuration;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>The <c>Storage</c> section <c>AddWorkflowStorage</c> reads, for the benchmarks' own service collections.</summary>
internal static class BenchStorage
{
    public static IConfiguration Configuration(string connectionString, bool postgreSql = false) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = postgreSql ? "PostgreSql" : "Sqlite",
                ["Storage:ConnectionString"] = connectionString,
            })
            .Build();
}
