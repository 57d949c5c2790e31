using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
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
