namespace LstmTerminal.Torch.Training;

/// <summary>The learning rate of a run as it goes: moved before a step, or after a validation.</summary>
internal interface ILearningRateSchedule
{
    double LearningRate { get; }

    /// <returns>Whether the rate changed for the step after <paramref name="step"/>.</returns>
    bool BeforeStep(long step, TimeSpan elapsed);

    /// <returns>Whether the rate was lowered because the validation did not improve.</returns>
    bool Validated(double loss);
}
