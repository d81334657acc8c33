namespace LstmTerminal.Core.Generation;

/// <summary>
/// The LSTM state after each id of the last text read, so that the next text is read on from the end of the ids the two
/// share: the prediction strip's text a keystroke later differs in its last id or two, and a typed character then costs
/// a step or a few instead of the whole context. Token ids are compared, never text: typing a character can change how
/// the last word is split. The states belong to the weights of its <see cref="LstmInference"/>, so it is made with
/// them and never outlives them. One caller at a time; it keeps at most one state per id of the longest text read.
/// </summary>
internal sealed class PrefixStates(LstmInference inference)
{
    private readonly LstmInferenceState _state = inference.NewState();

    // _saved[i] is the state after the first i + 1 ids of _ids; arrays are reused from one text to the next.
    private readonly List<float[]> _saved = [];
    private int[] _ids = [];
    private int _read;

    /// <summary>
    /// Reads <paramref name="ids"/> on from the longest prefix they share with the ids read last and writes the logits
    /// after the last of them; returns how many ids it stepped.
    /// </summary>
    /// <exception cref="ModelScoresException">A logit is NaN: the weights are damaged or diverged.</exception>
    public int Read(ReadOnlySpan<int> ids, Span<float> logits)
    {
        if (ids.IsEmpty)
        {
            throw new ArgumentException("A text to read has at least one id.", nameof(ids));
        }

        var shared = ids.CommonPrefixLength(_ids.AsSpan(0, _read));
        if (shared == 0)
        {
            _state.Clear();
        }
        else
        {
            _state.RestoreFrom(_saved[shared - 1]);
        }

        // Only what is saved counts as read, so a step that throws leaves the states consistent.
        _read = shared;
        if (_ids.Length < ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(ids.Length, 2 * _ids.Length));
        }

        for (var i = shared; i < ids.Length; i++)
        {
            inference.Read(ids[i], _state);
            if (_saved.Count == i)
            {
                _saved.Add(new float[_state.SavedLength]);
            }

            _state.SaveTo(_saved[i]);
            _ids[i] = ids[i];
            _read = i + 1;
        }

        inference.WriteLogits(_state, logits);
        return ids.Length - shared;
    }
}
