#!/usr/bin/env bash
# Adds a migration for BOTH providers after a change to the store model:
#   eng/add-migration.sh AddParticipants
# Each provider has its own context, folder and namespace; migrations are applied at start-up by
# WorkflowStorageMigrator.MigrateAsync, never by hand.
set -euo pipefail
name=${1:?usage: eng/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/EcoDamage.Workflow.Storage
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --context "${provider}WorkflowDbContext" \
    --output-dir "Migrations/$provider" --namespace "EcoDamage.Workflow.Storage.Migrations.$provider"
done
# dotnet-ef writes the model snapshot under a folder named after the namespace; keep it beside its migrations.
if [ -d EcoDamage ]; then
  for provider in Sqlite PostgreSql; do
    find EcoDamage -name "${provider}WorkflowDbContextModelSnapshot.cs" -exec mv {} "Migrations/$provider/" \;
  done
  rm -rf EcoDamage
fi
rm -f design.db design.db-*
