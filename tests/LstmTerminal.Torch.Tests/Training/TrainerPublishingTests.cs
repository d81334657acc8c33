using LstmTerminal.Core;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>Completions never wait for a training step: they read the copy of the weights the trainer publishes between steps.</summary>
public sealed class TrainerPublishingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void CreateGenerator_AnswersWithThePublishedCopy_WhileAStepHoldsTheWeights()
    {
        // Given a trainer whose weights were last copied at step 5
        using var temp = new TempDirectory();
        using var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 5));
        trainer.Run(null, CancellationToken.None);
        var published = FirstWordProbability(trainer.CreateGenerator());

        // When a generator is asked for while something holds the weights as a step does
        var generator = WhileTheWeightsAreHeld(trainer, trainer.CreateGenerator);

        // Then it comes at once, on the published copy
        Assert.Equal(published, FirstWordProbability(generator));
    }

    [Fact]
    public void CreateGenerator_CopiesTheCurrentWeights_WhenTheyAreFree()
    {
        // Given an untrained trainer's generator
        using var temp = new TempDirectory();
        using var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 10));
        var untrained = FirstWordProbability(trainer.CreateGenerator());

        // When it trains 10 steps
        trainer.Run(null, CancellationToken.None);

        // Then a new generator has the new weights
        Assert.NotEqual(untrained, FirstWordProbability(trainer.CreateGenerator()));
    }

    [Fact]
    public void Run_RefreshesThePublishedCopy_BetweenSteps_OnceSomeoneReadsIt()
    {
        // Given a trainer that was asked for a generator (so it has a reader), and the copy its run publishes at the start
        using var temp = new TempDirectory();
        using var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 10));
        var atStart = FirstWordProbability(trainer.CreateGenerator());

        // When a run lasts longer than the refresh interval (a pause in step 5's progress report stands for slow steps)
        trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is StepCompleted { Step: 5 })
            {
                Thread.Sleep(TimeSpan.FromSeconds(1.2));
            }
        }), CancellationToken.None);

        // Then the copy a busy trainer hands out is no longer the one from the start of the run
        var published = WhileTheWeightsAreHeld(trainer, trainer.CreateGenerator);
        Assert.NotEqual(atStart, FirstWordProbability(published));
    }

    private static Generator WhileTheWeightsAreHeld(Trainer trainer, Func<Generator> ask)
    {
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(
            () =>
            {
                using (trainer.Weights.Hold())
                {
                    held.Set();
                    release.Wait();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            held.Wait();
            var asked = Task.Run(ask);
            Assert.True(asked.Wait(Patience), "the generator waited for the weights to be free");
            return asked.Result;
        }
        finally
        {
            release.Set();
            holder.Wait();
        }
    }

    private static double FirstWordProbability(Generator generator) =>
        generator.Continue(generator.Encode("thou art more"), new ArgMaxSampler(), new SamplingSettings { Words = 1, Temperature = 1.0, Seed = 1 }).Single().Probability;
}
