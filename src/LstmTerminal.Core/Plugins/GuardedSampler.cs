using System.Runtime.ExceptionServices;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Runs an untrusted sampler's <c>Next</c> on a worker thread with a deadline. A sampler that misses it is
/// disabled for good: .NET cannot stop a thread stuck in plugin code, so the worker is abandoned (it is a background
/// thread and does not keep the process alive) and every later call fails at once with the same message.
/// </summary>
public sealed class GuardedSampler : ISampler
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Both sides spin (yielding as they go, under 1 ms of CPU) before they block: a sampler answers within
    /// microseconds and the next request follows one model step later, so a spinning waiter sees the signal without
    /// the sleep and wake-up that cost about 0.2 ms a word.
    /// </summary>
    private const int SpinCount = 1000;

    private readonly ISampler _inner;
    private readonly TimeSpan _timeout;
    private readonly ManualResetEventSlim _requested = new(initialState: false, SpinCount);
    private readonly ManualResetEventSlim _answered = new(initialState: false, SpinCount);
    private readonly Lock _gate = new();
    private float[] _logits = [];
    private SamplingContext? _context;
    private int _result;
    private ExceptionDispatchInfo? _failure;
    private Thread? _worker;
    private string? _disabledBecause;

    /// <param name="name">The sampler's Name, read once when it was loaded, so the plugin is never asked again.</param>
    /// <param name="description">Its Description, likewise.</param>
    public GuardedSampler(ISampler inner, string name, string description, TimeSpan timeout)
    {
        _inner = inner;
        _timeout = timeout;
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The plugin's own type, for display and diagnostics.</summary>
    public Type SamplerType => _inner.GetType();

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        lock (_gate)
        {
            if (_disabledBecause is not null)
            {
                throw new SamplerException(_disabledBecause);
            }

            if (_logits.Length != logits.Length)
            {
                _logits = new float[logits.Length];
            }

            logits.CopyTo(_logits);
            _context = context;
            _failure = null;
            EnsureWorker();
            _answered.Reset();
            _requested.Set();
            if (!_answered.Wait(_timeout))
            {
                _disabledBecause = $"The sampler '{Name}' did not answer within {_timeout.TotalSeconds:0.#} s and was disabled.";
                throw new SamplerException(_disabledBecause);
            }

            _failure?.Throw();
            return _result;
        }
    }

    private void EnsureWorker()
    {
        if (_worker is not null)
        {
            return;
        }

        _worker = new Thread(Serve) { IsBackground = true, Name = $"sampler {Name}" };
        _worker.Start();
    }

    private void Serve()
    {
        while (true)
        {
            _requested.Wait();
            _requested.Reset();
            try
            {
                _result = _inner.Next(_logits, _context!);
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }

            _answered.Set();
        }
    }
}
