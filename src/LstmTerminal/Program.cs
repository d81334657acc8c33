using LstmTerminal.Commands;

return await new CliApplication(Console.Out, Console.Error).RunAsync(args, CancellationToken.None);
