using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage;

/// <summary>The store on SQLite (the embedded default); its migrations are in <c>Migrations/Sqlite</c>.</summary>
/// <param name="options">Options with the SQLite provider.</param>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);
