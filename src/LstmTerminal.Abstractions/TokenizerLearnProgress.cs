namespace LstmTerminal.Abstractions;

/// <summary>Progress of <see cref="ITokenizer.LearnAsync"/>.</summary>
/// <param name="Stage">What is happening, e.g. "counting words" or "learning merges".</param>
/// <param name="Done">Units of this stage done so far, e.g. characters read or merges learned.</param>
/// <param name="Total">Units of this stage in all.</param>
public sealed record TokenizerLearnProgress(string Stage, long Done, long Total);
