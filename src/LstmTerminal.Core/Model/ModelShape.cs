namespace LstmTerminal.Core.Model;

/// <summary>Everything that fixes the size of the weights; a checkpoint only loads into the same shape.</summary>
public sealed record ModelShape(int VocabularySize, int EmbeddingSize, int RnnSize, int Layers, double Dropout);
