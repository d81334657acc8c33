namespace LstmTerminal.ViewState;

public sealed record ChartPoint(long Step, double Value);
