using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
{
    /// <summary>
    /// Participants become part of the case snapshot (recorded by an audited command), so the <c>Participants</c> table
    /// goes: its rows are not copied into the snapshots (the product is not yet in production; a database with
    /// participants worth keeping must copy them first). The clue search gets its index: <c>CaseSearch</c> holds each
    /// case's text values and their character bigrams (written with the case by every commit), filled here for the
    /// cases already stored.
    /// </summary>
    public partial class SearchIndexAndAuditedParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Department",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department_UpdatedAt",
                table: "Cases",
                columns: new[] { "Department", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases",
                columns: new[] { "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Id_UpdatedAt",
                table: "Cases",
                columns: new[] { "Id", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Due",
                table: "Deadlines",
                column: "Due");

            migrationBuilder.CreateTable(
                name: "CaseSearch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Grams = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSearch", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSearch_CaseId",
                table: "CaseSearch",
                column: "CaseId",
                unique: true);

            // The text values of the data (tagged {"text": …} in the snapshot) one per line in key order, and the distinct
            // pairs of neighbouring characters of which neither is white space (as CaseSearchText computes them).
            migrationBuilder.Sql(
                """
                INSERT INTO "CaseSearch" ("CaseId", "Text", "Grams")
                SELECT c."Id", t.text, COALESCE((
                    SELECT string_agg(DISTINCT g, ' ') FROM (
                        SELECT substr(t.text, i, 2) AS g FROM generate_series(1, char_length(t.text) - 1) AS i) AS pairs
                    WHERE char_length(g) = 2 AND g !~ '[[:space:]]'), '')
                FROM "Cases" AS c
                CROSS JOIN LATERAL (
                    SELECT COALESCE(string_agg(e.value ->> 'text', E'\n' ORDER BY e.key COLLATE "C"), '') AS text
                    FROM jsonb_each(c."Snapshot"::jsonb -> 'data') AS e
                    WHERE jsonb_typeof(e.value -> 'text') = 'string' AND e.value ->> 'text' <> '') AS t;
                """);

            // The search asks for the rows whose bigram array contains every bigram of the text searched.
            migrationBuilder.Sql("""CREATE INDEX "IX_CaseSearch_Grams" ON "CaseSearch" USING GIN (string_to_array("Grams", ' '));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseSearch_Grams";""");

            migrationBuilder.DropTable(
                name: "CaseSearch");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Due",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Id_UpdatedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Department_UpdatedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department",
                table: "Cases",
                column: "Department");

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<long>(type: "bigint", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false),
                    AddedByDepartment = table.Column<string>(type: "text", nullable: true),
                    AddedByRole = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Organisation = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_CaseId",
                table: "Participants",
                column: "CaseId");
        }
    }
}
