using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseMigrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseMigrations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    FromVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ToVersion = table.Column<string>(type: "TEXT", nullable: false),
                    StateMap = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlinePolicy = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineOverrides = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Cursor = table.Column<string>(type: "TEXT", nullable: true),
                    Migrated = table.Column<long>(type: "INTEGER", nullable: false),
                    Unmappable = table.Column<long>(type: "INTEGER", nullable: false),
                    Closed = table.Column<long>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<long>(type: "INTEGER", nullable: false),
                    Retried = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMigrations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DefinitionId_DefinitionVersion_Id",
                table: "Cases",
                columns: new[] { "DefinitionId", "DefinitionVersion", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMigrations_Status",
                table: "CaseMigrations",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMigrations");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DefinitionId_DefinitionVersion_Id",
                table: "Cases");
        }
    }
}
