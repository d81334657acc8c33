using LstmTerminal.Core.Text;
using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Interactive;

public sealed class CompletionConsoleTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public async Task The_same_seed_repeats_a_completion_and_words_sets_its_length()
    {
        var (console, transcript) = Console(trained.Model);

        await console.Submit("/seed 42", CancellationToken.None);
        await console.Submit("/sampler temperature", CancellationToken.None);
        await console.Submit("/words 7", CancellationToken.None);
        await console.Submit("to be or not", CancellationToken.None);
        var first = transcript.Snapshot()[^1];
        await console.Submit("to be or not", CancellationToken.None);

        Assert.Equal(7, first.Trim().Split(' ').Length);
        Assert.Equal(first, transcript.Snapshot()[^1]);
        Assert.Equal(new SamplingSettings { Sampler = "temperature", Temperature = 0.8, Words = 7, Seed = 42 }, console.Settings);
    }

    [Fact]
    public async Task Unlikely_words_are_marked_and_likely_ones_are_not()
    {
        // Given a trained model: its greedy choices are likely words, a hot sampler's are often not
        var (console, transcript) = Console(trained.Model);
        await console.Submit("/words 30", CancellationToken.None);
        await console.Submit("thou art more", CancellationToken.None);
        var greedy = transcript.Snapshot()[^1].Trim().Split(' ');

        // When the same prime is completed at a high temperature
        await console.Submit("/sampler temperature", CancellationToken.None);
        await console.Submit("/temperature 20", CancellationToken.None);
        await console.Submit("/seed 3", CancellationToken.None);
        await console.Submit("thou art more", CancellationToken.None);
        var hot = transcript.Snapshot()[^1].Trim().Split(' ');

        // Then only the unlikely words carry a "?"
        Assert.DoesNotContain(greedy, word => word.EndsWith('?'));
        Assert.Contains(hot, word => word.EndsWith('?'));
    }

    [Fact]
    public async Task Without_a_model_yet_the_console_says_to_wait()
    {
        var (console, transcript) = Console(new NoModel());

        await console.Submit("thou art more", CancellationToken.None);

        Assert.Equal("! There is no model yet: the corpus is still loading. Try again in a moment.", transcript.Snapshot()[^1]);
    }

    [Theory]
    [InlineData("/sampler nosuch", "There is no sampler named 'nosuch'. Known samplers:")]
    [InlineData("/temperature 0", "/temperature needs a valid value")]
    [InlineData("/words many", "/words needs a valid value")]
    [InlineData("/frobnicate", "Unknown command /frobnicate; /help lists the commands.")]
    public async Task Bad_commands_explain_themselves_and_change_nothing(string command, string message)
    {
        var (console, transcript) = Console(trained.Model);
        var before = console.Settings;

        await console.Submit(command, CancellationToken.None);

        Assert.Contains(message, transcript.Snapshot()[^1]);
        Assert.Equal(before, console.Settings);
    }

    [Fact]
    public async Task Keys_step_the_temperature_and_cycle_the_samplers_and_clear_empties_the_transcript()
    {
        var (console, transcript) = Console(trained.Model);

        console.StepTemperature(+1);
        console.StepTemperature(+1);
        console.StepTemperature(-1);
        var first = console.Settings.Sampler;
        console.NextSampler();
        var afterOne = console.Settings.Sampler;
        for (var i = 1; i < ShippedPlugins.Catalog.Samplers.Count + 1; i++) // every plugin, then beam search
        {
            console.NextSampler();
        }

        Assert.Equal(0.9, console.Settings.Temperature, 6);
        Assert.NotEqual(first, afterOne);
        Assert.Equal(first, console.Settings.Sampler);
        await console.Submit("/clear", CancellationToken.None);
        Assert.Empty(transcript.Snapshot());
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (console, transcript) = Console(trained.Model);

        await console.Submit("/help", CancellationToken.None);

        var help = string.Join('\n', transcript.Snapshot());
        Assert.All(["/sampler", "/temperature", "/words", "/seed", "/clear", "/help"], command => Assert.Contains(command, help));
    }

    [Fact]
    public async Task Help_ShowsEachCommandOfTheTable_WithItsArgumentAndCurrentValue()
    {
        // Given
        var (console, transcript) = Console(trained.Model);

        // When
        await console.Submit("/help", CancellationToken.None);

        // Then one line per command of the table, in its order, after the introduction
        var lines = transcript.Snapshot();
        var commands = ConsoleCommands.For(console);
        Assert.Equal(commands.Count + 1, lines.Count);
        Assert.All(commands.Zip(lines.Skip(1)), pair => Assert.StartsWith($"· {pair.First.Usage} ", pair.Second));
        Assert.Contains("· " + "/words N".PadRight(16) + " tokens per completion (words, characters or subwords: the model's level), 1 to 10000 (now 5)", lines);
        Assert.Contains(PrimeEscapes.Help, lines[0]);
    }

    [Fact]
    public async Task A_bad_argument_gets_the_commands_own_syntax_and_example()
    {
        var (console, transcript) = Console(trained.Model);

        await console.Submit("/words many", CancellationToken.None);

        Assert.Equal("! /words needs a valid value: /words N, tokens per completion (words, characters or subwords: the model's level), 1 to 10000 (now 5); e.g. /words 20.", transcript.Snapshot()[^1]);
    }

    private static (CompletionConsole Console, ConsoleTranscript Transcript) Console(IGeneratorSource models)
    {
        var transcript = new ConsoleTranscript();
        return (new CompletionConsole(models, ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "greedy", Temperature = 0.8, Words = 5, Seed = null }, NullLogger.Instance), transcript);
    }

    private sealed class NoModel : IGeneratorSource
    {
        public Generator? TryCreateGenerator() => null;
    }
}
