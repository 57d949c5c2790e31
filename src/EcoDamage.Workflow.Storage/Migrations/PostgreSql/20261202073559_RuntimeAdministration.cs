using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Deadline rows written before this column: marked from the case snapshots (a damaged snapshot is skipped).
            migrationBuilder.Sql("""
                DO $$
                DECLARE r record;
                BEGIN
                    FOR r IN SELECT c."Id", c."Snapshot" FROM "Cases" AS c
                        WHERE c."Snapshot" LIKE '%"provisional":true%'
                            AND EXISTS (SELECT 1 FROM "Deadlines" AS d WHERE d."CaseId" = c."Id" AND d."Status" = 'Open')
                    LOOP
                        BEGIN
                            UPDATE "Deadlines" AS t SET "Provisional" = TRUE
                            FROM jsonb_array_elements(r."Snapshot"::jsonb -> 'deadlines') AS e
                            WHERE t."CaseId" = r."Id" AND t."Status" = 'Open' AND t."Key" = e ->> 'key'
                                AND (e ->> 'provisional') = 'true';
                        EXCEPTION WHEN others THEN NULL;
                        END;
                    END LOOP;
                END $$;
                """);


            migrationBuilder.CreateTable(
                name: "AdministrationEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    ChangesCatalog = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrationEvents", x => x.Sequence);
                });

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

            migrationBuilder.CreateTable(
                name: "CatalogDocuments",
                columns: table => new
                {
                    Path = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "text", nullable: false),
                    PublishedRole = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogDocuments", x => new { x.Path, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "DefinitionDrafts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Path = table.Column<string>(type: "text", nullable: true),
                    BasedOn = table.Column<string>(type: "text", nullable: true),
                    Format = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DefinitionVersions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    Patch = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    EffectiveFrom = table.Column<string>(type: "text", nullable: false),
                    EffectiveTo = table.Column<string>(type: "text", nullable: true),
                    PublishedBy = table.Column<string>(type: "text", nullable: false),
                    PublishedRole = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "text", nullable: true),
                    WithdrawnRole = table.Column<string>(type: "text", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawReason = table.Column<string>(type: "text", nullable: true)
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
