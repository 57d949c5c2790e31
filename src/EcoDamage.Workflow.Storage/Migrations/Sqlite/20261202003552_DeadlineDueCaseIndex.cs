using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineDueCaseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Due",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Due_CaseId",
                table: "Deadlines",
                columns: new[] { "Due", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Due_CaseId",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Due",
                table: "Deadlines",
                column: "Due");
        }
    }
}
