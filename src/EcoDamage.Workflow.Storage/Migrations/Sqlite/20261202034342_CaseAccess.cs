using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseGrants",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGrants", x => new { x.CaseId, x.Party });
                });

            migrationBuilder.CreateTable(
                name: "CaseReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
