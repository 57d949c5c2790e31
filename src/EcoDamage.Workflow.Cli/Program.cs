// ecodamage: the command-line tool for workflow definitions.
//
//   ecodamage validate [--workflows DIR] [FILE...]     ValidateCommand.cs  problems, compiler-style; exit 0/1/2
//   ecodamage diagram <workflow> [--version V] [--format mermaid|dot] [--lang zh|en] [--output FILE]
//                                                      DiagramCommand.cs   Mermaid or Graphviz DOT
//   ecodamage simulate <scenario.yaml> [--workflows DIR] [--lang zh|en]
//                                                      SimulateCommand.cs  a scenario on a virtual clock; timeline table
//   ecodamage migrate [--provider sqlite|postgresql] [--connection CONN]
//                                                      MigrateCommand.cs   applies the store's migrations; exit 0/2
//   ecodamage verify-audit <caseId> | --all [--provider …] [--connection …]
//                                                      VerifyAuditCommand.cs  audit hash chains; exit 0 intact, 1 broken, 2 error
//
// StorageSettings.cs resolves --provider/--connection (else ECODAMAGE_STORAGE__PROVIDER/__CONNECTIONSTRING, else SQLite data/ecodamage.db).
//
// CliApp.cs builds the command tree and maps parse errors to exit code 2; CliIo.cs holds shared I/O.
return EcoDamage.Workflow.Cli.CliApp.Run(args, Console.Out, Console.Error);
