namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>A fact that runs against PostgreSQL, skipped with a message when <c>ECODAMAGE_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set: no PostgreSQL server to test against (test.sh starts one and sets it)";
        }
    }
}
