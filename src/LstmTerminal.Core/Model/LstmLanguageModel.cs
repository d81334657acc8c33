using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmTerminal.Core.Model;

/// <summary>Embedding → LSTM → (dropout) → linear over the vocabulary.</summary>
public sealed class LstmLanguageModel : Module<Tensor, LstmState?, (Tensor Logits, Tensor Hidden, Tensor Cell)>
{
    private readonly Embedding _embedding;
    private readonly LSTM _lstm;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    public LstmLanguageModel(ModelShape shape)
        : base(nameof(LstmLanguageModel))
    {
        Shape = shape;
        _embedding = Embedding(shape.VocabularySize, shape.EmbeddingSize);
        // LSTM's own dropout only acts between layers; the explicit one below covers the single-layer recipe.
        _lstm = LSTM(shape.EmbeddingSize, shape.RnnSize, shape.Layers, batchFirst: true,
            dropout: shape.Layers > 1 ? shape.Dropout : 0.0);
        _dropout = Dropout(shape.Dropout);
        _output = Linear(shape.RnnSize, shape.VocabularySize);
        RegisterComponents();
    }

    public ModelShape Shape { get; }

    /// <summary>Maps <c>[batch, time]</c> token ids to <c>[batch, time, vocabulary]</c> logits and the new state.</summary>
    public override (Tensor Logits, Tensor Hidden, Tensor Cell) forward(Tensor tokens, LstmState? state)
    {
        // Intermediates are left to the caller's dispose scope: Dropout may hand back its input unchanged.
        var embedded = _embedding.call(tokens);
        var (output, hidden, cell) = _lstm.call(embedded, state is null ? null : (state.Hidden, state.Cell));
        return (_output.call(_dropout.call(output)), hidden, cell);
    }

    /// <summary>Copies the weights out of libtorch into plain arrays.</summary>
    public ModelWeights ExportWeights()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var parameters = _lstm.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter);
        var layers = new List<LstmLayerWeights>(Shape.Layers);
        for (var layer = 0; layer < Shape.Layers; layer++)
        {
            var bias = parameters[$"bias_ih_l{layer}"] + parameters[$"bias_hh_l{layer}"];
            layers.Add(new LstmLayerWeights(
                layer == 0 ? Shape.EmbeddingSize : Shape.RnnSize,
                ToArray(parameters[$"weight_ih_l{layer}"]),
                ToArray(parameters[$"weight_hh_l{layer}"]),
                ToArray(bias)));
        }

        return new ModelWeights(Shape, ToArray(_embedding.weight!), layers, ToArray(_output.weight!), ToArray(_output.bias!));
    }

    private static float[] ToArray(Tensor tensor) => tensor.contiguous().data<float>().ToArray();
}
