using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>A checkpoint read from disk: its manifest, vocabulary and model (owned by the receiver).</summary>
public sealed record LoadedCheckpoint(CheckpointStore Store, CheckpointManifest Manifest, Vocabulary Vocabulary, LstmLanguageModel Model);
