using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookDeliveryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_CaseId_Status_EventId",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_DispatchedAt_Id",
                table: "Outbox");

            // SQLite drops the column in place (3.35+; it is in no index): EF Core's table rebuild would need
            // PRAGMA foreign_keys outside the migration's transaction.
            migrationBuilder.Sql("""ALTER TABLE "Outbox" DROP COLUMN "ClaimedUntil";""");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Pending_EventId",
                table: "WebhookDeliveries",
                column: "EventId",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Pending_SubscriptionId_CaseId_EventId",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "CaseId", "EventId" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Undispatched_CaseId_Id",
                table: "Outbox",
                columns: new[] { "CaseId", "Id" },
                filter: "\"DispatchedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Undispatched_Id",
                table: "Outbox",
                column: "Id",
                filter: "\"DispatchedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_Pending_EventId",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_Pending_SubscriptionId_CaseId_EventId",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Undispatched_CaseId_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Undispatched_Id",
                table: "Outbox");

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_CaseId_Status_EventId",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "CaseId", "Status", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DispatchedAt_Id",
                table: "Outbox",
                columns: new[] { "DispatchedAt", "Id" });
        }
    }
}
