using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Model;

/// <summary>Embedding → (dropout) → LSTM → (dropout) → linear over the vocabulary, optionally sharing the embedding matrix.</summary>
public sealed class LstmLanguageModel : Module<Tensor, LstmState?, (Tensor Logits, Tensor Hidden, Tensor Cell)>
{
    private readonly Embedding _embedding;
    private readonly LSTM _lstm;
    private readonly Linear _output;

    public LstmLanguageModel(ModelShape shape)
        : base(nameof(LstmLanguageModel))
    {
        Shape = shape;
        _embedding = Embedding(shape.VocabularySize, shape.EmbeddingSize);
        // LSTM's own dropout only acts between layers; the explicit one below covers the single-layer recipe.
        _lstm = LSTM(shape.EmbeddingSize, shape.RnnSize, shape.Layers, batchFirst: true,
            dropout: shape.Layers > 1 ? shape.Dropout : 0.0);
        _output = Linear(shape.RnnSize, shape.VocabularySize);
        if (shape.TiedEmbeddings)
        {
            // The output layer's small uniform initialisation suits both uses; the embedding's N(0, 1) would make the
            // first logits huge. Checkpoints keep the matrix under both names (NamedWeights).
            _embedding.weight = _output.weight;
        }

        RegisterComponents();
    }

    public ModelShape Shape { get; }

    /// <summary>Each trainable tensor once, even when the embedding and output layer share one.</summary>
    public IReadOnlyList<Parameter> TrainableParameters => parameters().DistinctBy(parameter => parameter.Handle).ToArray();

    /// <summary>Maps <c>[batch, time]</c> token ids to <c>[batch, time, vocabulary]</c> logits and the new state.</summary>
    public override (Tensor Logits, Tensor Hidden, Tensor Cell) forward(Tensor tokens, LstmState? state)
    {
        var (features, hidden, cell) = Features(tokens, state);
        return (_output.call(features), hidden, cell);
    }

    /// <summary>The output layer's input, <c>[batch, time, rnn]</c>, and the new state.</summary>
    public (Tensor Features, Tensor Hidden, Tensor Cell) Features(Tensor tokens, LstmState? state)
    {
        // Intermediates are left to the caller's dispose scope: Drop may hand back its input unchanged.
        var embedded = Drop(_embedding.call(tokens), Shape.EmbeddingDropout);
        var (output, hidden, cell) = _lstm.call(embedded, state is null ? null : (state.Hidden, state.Cell));
        return (Drop(output, Shape.Dropout), hidden, cell);
    }

    /// <summary>Cuts the shape's share of the LSTM's hidden-to-hidden weights until the returned drop is restored.</summary>
    public RecurrentWeightDrop DropRecurrentWeights() =>
        new(_lstm.named_parameters().Where(pair => pair.name.StartsWith("weight_hh_", StringComparison.Ordinal)).Select(pair => pair.parameter).ToArray(),
            Shape.WeightDrop);

    /// <summary>Dropout on <c>[batch, time, features]</c>, with one mask per sequence when the shape locks it.</summary>
    private Tensor Drop(Tensor sequences, double probability)
    {
        if (!training || probability == 0)
        {
            return sequences;
        }

        if (!Shape.LockedDropout)
        {
            return functional.dropout(sequences, probability, training: true);
        }

        var mask = functional.dropout(ones([sequences.shape[0], 1, sequences.shape[2]], dtype: sequences.dtype), probability, training: true);
        return sequences * mask;
    }

    /// <summary>
    /// The output layer's weight <c>[words, rnn]</c> and bias, or only the rows of the <paramref name="candidates"/>
    /// ids in their order (gathered, so gradients still reach the full matrix).
    /// </summary>
    public (Tensor Weight, Tensor Bias) OutputLayer(Tensor? candidates = null) =>
        candidates is null
            ? (_output.weight!, _output.bias!)
            : (_output.weight!.index_select(0, candidates), _output.bias!.index_select(0, candidates));

    /// <summary>
    /// Each weight under its name in the checkpoint format, in the order files hold them; the tied matrix is listed
    /// under both its names. The LSTM's own parameter names are TorchSharp's, not ours.
    /// </summary>
    public IReadOnlyList<(string Name, Parameter Weight)> NamedWeights()
    {
        var lstm = _lstm.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter);
        var weights = new List<(string, Parameter)> { (WeightNames.Embedding, _embedding.weight!) };
        for (var layer = 0; layer < Shape.Layers; layer++)
        {
            weights.Add((WeightNames.LstmInputWeights(layer), lstm[$"weight_ih_l{layer}"]));
            weights.Add((WeightNames.LstmHiddenWeights(layer), lstm[$"weight_hh_l{layer}"]));
            weights.Add((WeightNames.LstmInputBias(layer), lstm[$"bias_ih_l{layer}"]));
            weights.Add((WeightNames.LstmHiddenBias(layer), lstm[$"bias_hh_l{layer}"]));
        }

        weights.Add((WeightNames.OutputWeights, _output.weight!));
        weights.Add((WeightNames.OutputBias, _output.bias!));
        return weights;
    }

    /// <summary>Copies the weights out of libtorch into plain arrays.</summary>
    public ModelWeights ExportWeights()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return WeightsFile.ToModelWeights(Shape, NamedWeights().ToDictionary(weight => weight.Name, weight => ToArray(weight.Weight), StringComparer.Ordinal));
    }

    private static float[] ToArray(Tensor tensor) => tensor.contiguous().data<float>().ToArray();
}
