using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
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
                    Id = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    FromVersion = table.Column<string>(type: "text", nullable: false),
                    ToVersion = table.Column<string>(type: "text", nullable: false),
                    StateMap = table.Column<string>(type: "text", nullable: false),
                    DeadlinePolicy = table.Column<string>(type: "text", nullable: false),
                    DeadlineOverrides = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    StartedBy = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    Cursor = table.Column<string>(type: "text", nullable: true),
                    Migrated = table.Column<long>(type: "bigint", nullable: false),
                    Unmappable = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<long>(type: "bigint", nullable: false),
                    Skipped = table.Column<long>(type: "bigint", nullable: false),
                    Retried = table.Column<long>(type: "bigint", nullable: false)
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
