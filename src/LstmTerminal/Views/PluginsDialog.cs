using System.Collections.ObjectModel;
using LstmTerminal.Commands;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Interactive;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>Every corpus, sampler and tokenizer plugin with its version, every load error; Enter on a sampler makes it active.</summary>
public sealed class PluginsDialog : Dialog
{
    private readonly CompletionConsole _console;
    private readonly List<string?> _samplerOfRow = [];
    private readonly ListView _list;

    public PluginsDialog(PluginCatalog catalog, CompletionConsole console, int wrapWidth)
    {
        _console = console;
        Title = "Plugins (Enter on a sampler makes it active, Esc closes)";
        Width = Dim.Percent(90);
        Height = Dim.Percent(80);
        var rows = new ObservableCollection<string>();
        void Row(string text, string? sampler = null)
        {
            foreach (var line in TextWrap.Wrap(text, wrapWidth, "      "))
            {
                rows.Add(line);
                _samplerOfRow.Add(sampler);
            }
        }

        var active = console.Settings.Sampler;
        foreach (var p in catalog.CorpusProviders)
        {
            Row($"corpus    {p.Name} {p.Version} {Origin(p.Source)}: {p.Description}");
        }

        foreach (var p in catalog.Samplers)
        {
            var marker = string.Equals(p.Name, active, StringComparison.OrdinalIgnoreCase) ? " (active)" : "";
            Row($"sampler   {p.Name} {p.Version}{marker} {Origin(p.Source)}: {p.Description}", p.Name);
        }

        foreach (var p in catalog.Tokenizers)
        {
            Row($"tokenizer {p.Name} {p.Version} {Origin(p.Source)}: {p.Description}");
        }

        foreach (var e in catalog.Errors)
        {
            Row($"error     {e.Folder}: {e.Message}");
        }

        _list = new ListView { Width = Dim.Fill(), Height = Dim.Fill() };
        _list.SetSource(rows);
        _list.SelectedItem = Math.Max(0, _samplerOfRow.FindIndex(s => s is not null));
        _list.Accepting += OnAccepting;
        KeyDown += OnKey;
        Add(_list);
    }

    private static string Origin(PluginSource source) => $"[{PluginsVerb.SourceName(source)}]";

    private void OnAccepting(object? sender, CommandEventArgs e)
    {
        e.Handled = true;
        if (_list.SelectedItem is { } row && _samplerOfRow[row] is { } sampler)
        {
            _console.SetSampler(sampler);
            RequestStop();
        }
    }

    private void OnKey(object? sender, Key key)
    {
        // The app unbinds Esc so it cannot quit; closing a dialog with it is then up to the dialog.
        if (key == Key.Esc)
        {
            key.Handled = true;
            RequestStop();
        }
    }
}
