using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoDamage.Workflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFiltersAndParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AddedByRole = table.Column<string>(type: "TEXT", nullable: false),
                    AddedByDepartment = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Channel",
                table: "Cases",
                column: "Channel");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department",
                table: "Cases",
                column: "Department");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Jurisdiction",
                table: "Cases",
                column: "Jurisdiction");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_CaseId",
                table: "Participants",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Channel",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Department",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Jurisdiction",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "Cases");
        }
    }
}
