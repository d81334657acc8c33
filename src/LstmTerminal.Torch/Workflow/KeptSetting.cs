using System.Globalization;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Workflow;

/// <summary>A setting a resumed run takes from its checkpoint although the configuration gives another value.</summary>
/// <param name="Key">The setting, as <c>Section:Name</c>.</param>
public sealed record KeptSetting(string Key, string Checkpoint, string Configured)
{
    /// <summary>
    /// Every model and trajectory setting in which <paramref name="configuredShape"/> and <paramref name="configuredSettings"/>
    /// differ from the checkpoint's: a resume continues the checkpoint's trajectory, so these are not applied.
    /// </summary>
    public static IReadOnlyList<KeptSetting> Between(CheckpointManifest checkpoint, ModelShape configuredShape, TrainingSettings configuredSettings) =>
    [
        .. Differences(checkpoint.Model, configuredShape with { VocabularySize = checkpoint.Model.VocabularySize }, _ => "Model"),
        .. Differences(checkpoint.Training, configuredSettings, name => name == nameof(TrainingSettings.MinWordFrequency) ? "Vocabulary" : "Training"),
    ];

    private static IEnumerable<KeptSetting> Differences<T>(T checkpoint, T configured, Func<string, string> section) =>
        from property in typeof(T).GetProperties()
        let kept = property.GetValue(checkpoint)
        let given = property.GetValue(configured)
        where !Equals(kept, given)
        select new KeptSetting($"{section(property.Name)}:{property.Name}", Text(kept), Text(given));

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
