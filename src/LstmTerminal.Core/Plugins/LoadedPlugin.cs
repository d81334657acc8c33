namespace LstmTerminal.Core.Plugins;

/// <summary>A plugin instance the catalog created, with what a user needs to tell plugins apart.</summary>
/// <param name="Plugin">The instance; one per plugin type for the life of the app.</param>
/// <param name="Name">The plugin's own <c>Name</c>, read once at load; unique per kind (case-insensitive).</param>
/// <param name="Kind"><see cref="PluginKinds.Corpus"/>, <see cref="PluginKinds.Sampler"/> or <see cref="PluginKinds.Tokenizer"/>.</param>
/// <param name="Description">The plugin's own <c>Description</c>, read once at load.</param>
/// <param name="Version">The assembly's informational (else file) version.</param>
/// <param name="Path">The plugin's folder.</param>
/// <param name="Source">Whether it ships with the app, was added to the app's folder, or comes from the user's.</param>
public sealed record LoadedPlugin<T>(T Plugin, string Name, string Kind, string Description, string Version, string Path, PluginSource Source)
    where T : class;
