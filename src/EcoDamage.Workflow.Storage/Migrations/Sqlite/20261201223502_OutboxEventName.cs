using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxEventName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Rows written before the name was stored: the name the relay derived from type and payload
            // (the shipped definitions' declarations at the time), so undelivered rows go out unchanged.
            migrationBuilder.Sql(@"UPDATE ""Outbox"" SET ""Name"" = CASE
    WHEN ""Type"" = 'case.started' THEN CASE WHEN json_extract(""Payload"", '$.definition') = 'claim' OR json_extract(""Payload"", '$.definition') LIKE 'claim@%' THEN 'clue.registered' ELSE 'case.started' END
    WHEN ""Type"" = 'case.stateChanged' THEN CASE json_extract(""Payload"", '$.trigger') WHEN 'ApplyJudicialConfirmation' THEN 'case.judicialConfirmationRequested' WHEN 'CompleteRepair' THEN 'case.repairCompleted' ELSE 'case.stateChanged' END
    WHEN ""Type"" = 'case.actionRequested' THEN CASE
        WHEN lower(json_extract(""Payload"", '$.action.kind')) = 'escalate' THEN 'case.escalated'
        WHEN lower(json_extract(""Payload"", '$.action.kind')) = 'publish' AND coalesce(json_extract(""Payload"", '$.action.target'), '') <> '' THEN CASE json_extract(""Payload"", '$.action.target') WHEN 'CaseOpened' THEN 'case.opened' WHEN 'ClueReferred' THEN 'clue.referred' WHEN 'ClaimTerminated' THEN 'case.terminated' WHEN 'CaseClosed' THEN 'case.closed' ELSE 'case.' || lower(substr(json_extract(""Payload"", '$.action.target'), 1, 1)) || substr(json_extract(""Payload"", '$.action.target'), 2) END
        ELSE 'case.actionRequested' END
    ELSE ""Type"" END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Name",
                table: "Outbox");
        }
    }
}
