using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DeadlineLeasesAndFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "Deadlines",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Kind_At",
                table: "AuditEvents",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Kind_At",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Deadlines");
        }
    }
}
