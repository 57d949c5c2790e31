using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage;

/// <summary>The store on PostgreSQL (scale-out); its migrations are in <c>Migrations/PostgreSql</c>.</summary>
/// <param name="options">Options with the Npgsql provider.</param>
public sealed class PostgreSqlWorkflowDbContext(DbContextOptions<PostgreSqlWorkflowDbContext> options) : WorkflowDbContext(options);
