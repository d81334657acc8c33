using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>What generation needs of a checkpoint: no tensors, so nothing to dispose and no libtorch.</summary>
public sealed record InferenceCheckpoint(CheckpointManifest Manifest, GuardedVocabulary Vocabulary, ModelWeights Weights);
