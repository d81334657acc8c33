namespace LstmTerminal.Session;

public sealed record ChartPoint(long Step, double Value);
