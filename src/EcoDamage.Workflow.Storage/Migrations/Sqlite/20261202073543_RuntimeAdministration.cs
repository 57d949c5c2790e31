using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuntimeAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Provisional",
                table: "Deadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Deadline rows written before this column: marked from the case snapshots (a damaged snapshot is skipped).
            migrationBuilder.Sql("""
                UPDATE "Deadlines" SET "Provisional" = 1
                WHERE "Status" = 'Open' AND EXISTS (
                    SELECT 1 FROM "Cases" AS c,
                        json_each(CASE WHEN json_valid(c."Snapshot") THEN c."Snapshot" ELSE '{}' END, '$.deadlines') AS e
                    WHERE c."Id" = "Deadlines"."CaseId" AND c."Snapshot" LIKE '%"provisional":true%'
                        AND json_extract(e.value, '$.key') = "Deadlines"."Key" AND json_extract(e.value, '$.provisional') = 1);
                """);


            migrationBuilder.CreateTable(
                name: "AdministrationEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    ChangesCatalog = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrationEvents", x => x.Sequence);
                });

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

            migrationBuilder.CreateTable(
                name: "CatalogDocuments",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedRole = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogDocuments", x => new { x.Path, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "DefinitionDrafts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", nullable: true),
                    BasedOn = table.Column<string>(type: "TEXT", nullable: true),
                    Format = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DefinitionVersions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    Patch = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedRole = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawnRole = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionVersions", x => new { x.DefinitionId, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Provisional_CaseId",
                table: "Deadlines",
                column: "CaseId",
                filter: "\"Provisional\"");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DefinitionId_DefinitionVersion_Id",
                table: "Cases",
                columns: new[] { "DefinitionId", "DefinitionVersion", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrationEvents_ChangesCatalog_Sequence",
                table: "AdministrationEvents",
                columns: new[] { "ChangesCatalog", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMigrations_Status",
                table: "CaseMigrations",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministrationEvents");

            migrationBuilder.DropTable(
                name: "CaseMigrations");

            migrationBuilder.DropTable(
                name: "CatalogDocuments");

            migrationBuilder.DropTable(
                name: "DefinitionDrafts");

            migrationBuilder.DropTable(
                name: "DefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Provisional_CaseId",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DefinitionId_DefinitionVersion_Id",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Provisional",
                table: "Deadlines");
        }
    }
}
