// ecodamage: the command-line tool for workflow definitions.
//
//   ecodamage validate [--workflows DIR] [FILE...]     ValidateCommand.cs  problems, compiler-style; exit 0/1/2
//   ecodamage diagram <workflow> [--version V] [--format mermaid|dot] [--lang zh|en] [--output FILE]
//                                                      DiagramCommand.cs   Mermaid or Graphviz DOT
//   ecodamage simulate <scenario.yaml> [--workflows DIR] [--lang zh|en]
//                                                      SimulateCommand.cs  a scenario on a virtual clock; timeline table
//
// CliApp.cs builds the command tree and maps parse errors to exit code 2; CliIo.cs holds shared I/O.
return EcoDamage.Workflow.Cli.CliApp.Run(args, Console.Out, Console.Error);
