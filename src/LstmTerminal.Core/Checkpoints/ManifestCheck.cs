using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Checks every object and number of a parsed <c>checkpoint.json</c> before anything is sized by it: a hand-edited or
/// damaged manifest could otherwise ask for a billion layers or a tensor whose element count wraps. The settings
/// must pass the same limits as the options they came from; the listed files must be the store's own names.
/// </summary>
internal static class ManifestCheck
{
    /// <summary>vocab.json is at most 256 MB, and every word takes at least four bytes of it (quotes, comma, a letter).</summary>
    private const int MaxVocabularySize = 64 * 1024 * 1024;

    /// <summary>Training:Epochs' upper limit: no run gets further.</summary>
    private const int MaxEpoch = 100_000;

    private const int MaxTokenizerNameLength = 100;

    /// <returns>The first problem found, as a clause ("its model is missing"), or null if the manifest is sound.</returns>
    public static string? FindProblem(CheckpointManifest manifest)
    {
        if (manifest.Model is null || manifest.Training is null || manifest.LossHistory is null || manifest.ValidationHistory is null || manifest.Corpus is null)
        {
            return "it lacks one of \"model\", \"training\", \"corpus\", \"lossHistory\" or \"validationHistory\"";
        }

        if (manifest.Tokenizer is { } tokenizer && (tokenizer.Length is 0 or > MaxTokenizerNameLength || tokenizer.Any(char.IsControl)))
        {
            return $"its tokenizer name is empty, longer than {MaxTokenizerNameLength} characters or holds control characters";
        }

        return ModelProblem(manifest.Model)
            ?? TrainingProblem(manifest.Training)
            ?? PositionProblem(manifest)
            ?? HistoryProblem(manifest)
            ?? DataProblem(manifest);
    }

    private static string? ModelProblem(ModelShape shape)
    {
        if (shape.VocabularySize < 2 || shape.VocabularySize > MaxVocabularySize)
        {
            return $"its vocabulary size {shape.VocabularySize} is outside 2 to {MaxVocabularySize}";
        }

        var options = new ModelOptions
        {
            EmbeddingSize = shape.EmbeddingSize,
            RnnSize = shape.RnnSize,
            Layers = shape.Layers,
            Dropout = shape.Dropout,
            EmbeddingDropout = shape.EmbeddingDropout,
            WeightDrop = shape.WeightDrop,
            LockedDropout = shape.LockedDropout,
            TiedEmbeddings = shape.TiedEmbeddings,
        };
        if (OptionsProblem(options) is { } problem)
        {
            return problem;
        }

        // Within the limits above the products fit a long; the managed reader holds each tensor in one array.
        var largest = (long)shape.VocabularySize * Math.Max(shape.EmbeddingSize, shape.RnnSize);
        return largest > Array.MaxLength
            ? $"its {shape.VocabularySize}-word vocabulary makes a weight matrix of {largest} values, more than one array can hold"
            : null;
    }

    private static string? TrainingProblem(TrainingSettings settings)
    {
        if (!Enum.IsDefined(settings.Softmax))
        {
            return $"its softmax objective {(int)settings.Softmax} is unknown";
        }

        var options = new TrainingOptions
        {
            BatchSize = settings.BatchSize,
            SequenceLength = settings.SequenceLength,
            LearningRate = settings.LearningRate,
            GradientClip = settings.GradientClip,
            ValidationFraction = settings.ValidationFraction,
            Softmax = settings.Softmax,
            WeightAveraging = settings.WeightAveraging,
            WeightDecay = settings.WeightDecay,
        };
        // A full-softmax run records no candidate count (0), which the option itself would refuse.
        if (settings.Softmax == SoftmaxObjective.Sampled)
        {
            options.SampledCandidates = settings.SampledCandidates;
        }

        return OptionsProblem(options) ?? OptionsProblem(new VocabularyOptions { MinWordFrequency = settings.MinWordFrequency });
    }

    private static string? PositionProblem(CheckpointManifest manifest)
    {
        if (manifest.Step < 0 || manifest.Epoch < 0 || manifest.Epoch > MaxEpoch || manifest.StepInEpoch < 0 || manifest.StepInEpoch > manifest.Step)
        {
            return $"its position (step {manifest.Step}, epoch {manifest.Epoch}, batch {manifest.StepInEpoch}) is impossible";
        }

        return manifest.LearningRate is { } rate && !(rate > 0 && rate <= manifest.Training.LearningRate)
            ? $"its learning rate {rate} is not between 0 and the run's {manifest.Training.LearningRate}"
            : null;
    }

    private static string? HistoryProblem(CheckpointManifest manifest)
    {
        if (manifest.LossHistory.Count > manifest.Step)
        {
            return $"its loss history has {manifest.LossHistory.Count} points for {manifest.Step} steps";
        }

        foreach (var point in manifest.LossHistory)
        {
            if (point is null || point.Step < 1 || point.Step > manifest.Step || !double.IsFinite(point.Loss))
            {
                return "its loss history holds an empty point, a step outside the run or a loss that is not a number";
            }
        }

        // Validation figures may be infinite: a diverged validation is recorded as it was.
        foreach (var point in manifest.ValidationHistory)
        {
            if (point is null || point.Step < 0 || point.Step > manifest.Step || point.Epoch < 1 || point.Epoch > MaxEpoch)
            {
                return "its validation history holds an empty point or a step or epoch outside the run";
            }
        }

        return null;
    }

    private static string? DataProblem(CheckpointManifest manifest)
    {
        if (manifest.FormatVersion == CheckpointManifest.FlatFormatVersion)
        {
            return manifest.Data is null ? null : "a format-1 manifest cannot name a data folder";
        }

        if (manifest.Data is not { Folder: not null, Files: not null } data || !CheckpointFiles.Folder.IsDataFolder(data.Folder))
        {
            return "it names no data folder, or one the app would not have written";
        }

        if (data.Previous is not null && data.Previous != FolderNames.FlatLayout && !CheckpointFiles.Folder.IsDataFolder(data.Previous))
        {
            return "its previous data folder is not one the app would have written";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in data.Files)
        {
            if (file is not { Name: not null, Sha256: not null } || !CheckpointFiles.DataFiles.Contains(file.Name) || !names.Add(file.Name)
                || file.Bytes < 0 || file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower))
            {
                return "its file list holds an entry that is empty, repeated, not a checkpoint file, or without a size and SHA-256";
            }
        }

        string[] required = [CheckpointFiles.Weights, CheckpointFiles.Optimizer, CheckpointFiles.Vocabulary];
        if (required.FirstOrDefault(name => !names.Contains(name)) is { } missing)
        {
            return $"its file list lacks {missing}";
        }

        if (manifest.Training.WeightAveraging > 0 && !names.Contains(CheckpointFiles.TrainingWeights))
        {
            return $"it averages weights but its file list lacks {CheckpointFiles.TrainingWeights}";
        }

        return manifest.StepInEpoch > 0 && !names.Contains(CheckpointFiles.CarriedState)
            ? $"it stopped mid-epoch but its file list lacks {CheckpointFiles.CarriedState}"
            : null;
    }

    private static string? OptionsProblem(object options)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? null
            : $"its settings are out of range ({results[0].ErrorMessage})";
    }
}
