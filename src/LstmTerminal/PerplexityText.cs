using System.Globalization;

namespace LstmTerminal;

/// <summary>
/// A perplexity as a person reads it: "inf" when it overflowed (a diverged model), powers of ten past a million
/// (a near-diverged one printed in full ran to 147 digits), one decimal otherwise.
/// </summary>
public static class PerplexityText
{
    private const double Huge = 1e6;

    public static string Format(double perplexity) => perplexity switch
    {
        double.NaN or double.PositiveInfinity => "inf",
        >= Huge => perplexity.ToString("0.00e+0", CultureInfo.InvariantCulture),
        _ => perplexity.ToString("F1", CultureInfo.InvariantCulture),
    };
}
