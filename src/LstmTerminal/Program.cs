using LstmTerminal.Commands;
using LstmTerminal.Hosting;

// Plugins run in this process: keep stdout and stderr for the app's own output, and notice an exit it did not ask for.
var (output, error) = ConsoleCapture.Claim();
AppExit.Watch(error);
var exitCode = await new CliApplication(output, error).RunAsync(args, CancellationToken.None);
AppExit.Finish();
return exitCode;
