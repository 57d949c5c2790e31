using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReferringDepartment",
                table: "Cases",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseGrants",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Party = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGrants", x => new { x.CaseId, x.Party });
                });

            migrationBuilder.CreateTable(
                name: "CaseReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Department = table.Column<string>(type: "text", nullable: true),
                    What = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReferringDepartment",
                table: "Cases",
                column: "ReferringDepartment");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_Party",
                table: "CaseGrants",
                column: "Party");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReads_CaseId_Id",
                table: "CaseReads",
                columns: new[] { "CaseId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseGrants");

            migrationBuilder.DropTable(
                name: "CaseReads");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReferringDepartment",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReferringDepartment",
                table: "Cases");
        }
    }
}
