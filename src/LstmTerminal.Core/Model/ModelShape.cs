namespace LstmTerminal.Core.Model;

/// <summary>
/// Everything that fixes the size of the weights; a checkpoint only loads into the same shape. With
/// <paramref name="TiedEmbeddings"/> the output layer scores words with the input embedding matrix itself.
/// </summary>
public sealed record ModelShape(int VocabularySize, int EmbeddingSize, int RnnSize, int Layers, double Dropout, bool TiedEmbeddings = false);
