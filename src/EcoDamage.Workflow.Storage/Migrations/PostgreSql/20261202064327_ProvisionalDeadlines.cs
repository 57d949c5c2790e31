using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProvisionalDeadlines : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Provisional_CaseId",
                table: "Deadlines",
                column: "CaseId",
                filter: "\"Provisional\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Provisional_CaseId",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "Provisional",
                table: "Deadlines");
        }
    }
}
