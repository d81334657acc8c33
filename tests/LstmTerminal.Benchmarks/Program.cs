using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In process: a separately generated benchmark project would carry an unpatched libLibTorchSharp.so (see build/).
if (args is ["strip-latency", ..])
{
    await LstmTerminal.Benchmarks.StripLatency.RunAsync(args[1..]);
    return;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
