using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// The continuations of the prime texts shown every <c>EvalEvery</c> steps, so one can read what the model has
/// learned. A prime or a sampler that fails gets its reason as its sample; the run goes on.
/// </summary>
public sealed class SampleWriter(IReadOnlyList<string> primes, GuardedVocabulary vocabulary, ISampler sampler, SamplingSettings settings)
{
    public bool HasPrimes => primes.Count > 0;

    public IReadOnlyList<TrainingSample> Write(ModelWeights weights, CancellationToken cancellationToken)
    {
        var completion = new Completion(new Generator(weights, vocabulary));
        var samples = new List<TrainingSample>(primes.Count);
        foreach (var prime in primes)
        {
            try
            {
                samples.Add(new TrainingSample(prime, Continue(completion, prime, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A stop asked for mid-sample ends the samples, not the run: the trainer saves its last step next.
                break;
            }
        }

        return samples;
    }

    private string Continue(Completion completion, string prime, CancellationToken cancellationToken)
    {
        try
        {
            return completion.Start(prime, sampler, settings).Complete(cancellationToken);
        }
        catch (Exception e) when (e is PrimeException or SamplerException or ModelScoresException or TokenizerException)
        {
            return $"({e.Message})";
        }
    }
}
