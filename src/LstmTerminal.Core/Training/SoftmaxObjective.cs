using System.Text.Json.Serialization;

namespace LstmTerminal.Core.Training;

/// <summary>How a training step scores its targets; validation always uses <see cref="Full"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SoftmaxObjective>))]
public enum SoftmaxObjective
{
    /// <summary>Cross-entropy over the whole vocabulary.</summary>
    Full,

    /// <summary>Cross-entropy over the batch's target words plus a few random words: cheaper for large vocabularies.</summary>
    Sampled,
}
