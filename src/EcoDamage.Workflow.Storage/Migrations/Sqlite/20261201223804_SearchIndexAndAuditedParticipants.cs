using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Grams = table.Column<string>(type: "TEXT", nullable: false)
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

            // The text values of the data (tagged {"text": …} in the snapshot) one per line in key order, and the pairs
            // of neighbouring characters of which neither is white space (as CaseSearchText computes them).
            migrationBuilder.Sql(
                """
                INSERT INTO "CaseSearch" ("CaseId", "Text", "Grams")
                WITH RECURSIVE
                    texts(CaseId, Text) AS (
                        SELECT c."Id", COALESCE((SELECT group_concat(t, char(10)) FROM (
                            SELECT json_extract(j.value, '$.text') AS t FROM json_each(c."Snapshot", '$.data') AS j
                            WHERE json_type(j.value, '$.text') = 'text' AND json_extract(j.value, '$.text') <> '' ORDER BY j.key)), '')
                        FROM "Cases" AS c),
                    grams(CaseId, Text, i, g) AS (
                        SELECT CaseId, Text, 0, NULL FROM texts
                        UNION ALL
                        SELECT CaseId, Text, i + 1, substr(Text, i + 1, 2) FROM grams WHERE i + 1 < length(Text))
                SELECT CaseId, max(Text), COALESCE(group_concat(CASE
                    WHEN substr(g, 1, 1) NOT IN (' ', char(9), char(10), char(11), char(12), char(13), char(160), char(12288))
                     AND substr(g, 2, 1) NOT IN (' ', char(9), char(10), char(11), char(12), char(13), char(160), char(12288))
                    THEN g END, ' '), '')
                FROM grams GROUP BY CaseId;
                """);

            // The bigrams as tokens: the ascii tokenizer splits only at ASCII separators, so a Chinese bigram is one token.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CaseSearchIndex" USING fts5(Grams, content='CaseSearch', content_rowid='Id', tokenize='ascii');""");
            migrationBuilder.Sql("""INSERT INTO "CaseSearchIndex" ("CaseSearchIndex") VALUES ('rebuild');""");
            migrationBuilder.Sql("""CREATE TRIGGER "CaseSearch_Inserted" AFTER INSERT ON "CaseSearch" BEGIN INSERT INTO "CaseSearchIndex" (rowid, Grams) VALUES (new."Id", new."Grams"); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "CaseSearch_Deleted" AFTER DELETE ON "CaseSearch" BEGIN INSERT INTO "CaseSearchIndex" ("CaseSearchIndex", rowid, Grams) VALUES ('delete', old."Id", old."Grams"); END;""");
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "CaseSearch_Updated" AFTER UPDATE ON "CaseSearch" BEGIN
                    INSERT INTO "CaseSearchIndex" ("CaseSearchIndex", rowid, Grams) VALUES ('delete', old."Id", old."Grams");
                    INSERT INTO "CaseSearchIndex" (rowid, Grams) VALUES (new."Id", new."Grams");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "CaseSearch_Updated";""");
            migrationBuilder.Sql("""DROP TRIGGER "CaseSearch_Deleted";""");
            migrationBuilder.Sql("""DROP TRIGGER "CaseSearch_Inserted";""");
            migrationBuilder.Sql("""DROP TABLE "CaseSearchIndex";""");

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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AddedByDepartment = table.Column<string>(type: "TEXT", nullable: true),
                    AddedByRole = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: false)
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
