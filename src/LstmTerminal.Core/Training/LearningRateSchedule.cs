using System.Text.Json.Serialization;

namespace LstmTerminal.Core.Training;

/// <summary>How the learning rate moves during a run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LearningRateSchedule>))]
public enum LearningRateSchedule
{
    /// <summary>Kept until an epoch's validation does not improve, then multiplied by <c>Training:LearningRateDecay</c>.</summary>
    Plateau,

    /// <summary>Falls along half a cosine to <c>Training:CosineFloor</c> of itself by the run's end: its last step or its time budget, whichever comes first.</summary>
    Cosine,
}
