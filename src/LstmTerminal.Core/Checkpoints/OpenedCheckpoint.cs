using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>A checkpoint's manifest, the checked files of its save and its vocabulary.</summary>
public sealed record OpenedCheckpoint(CheckpointManifest Manifest, SavedFiles Files, GuardedVocabulary Vocabulary);
