using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookSubscriptionScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "WebhookSubscriptions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Scope",
                table: "WebhookSubscriptions");
        }
    }
}
