using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LstmTerminal.Hosting;

/// <summary>
/// Refuses an enum-typed setting given as anything but one of its names (in any case): the configuration binder also
/// takes a number ("1") or a list of names ("Plateau, Cosine") and silently stores whatever member that adds up to.
/// Registered for every settings section, so a new enum setting is covered without a line of its own.
/// </summary>
internal sealed class EnumSettingNames<T>(IConfigurationSection section) : IValidateOptions<T>
    where T : class
{
    private static readonly (PropertyInfo Property, Type Enum)[] EnumSettings =
    [
        .. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Enum: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Where(p => p.Enum.IsEnum),
    ];

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var (property, type) in EnumSettings)
        {
            // An empty value is the binder's to handle, as for any other setting.
            var value = section[property.Name];
            var names = Enum.GetNames(type);
            if (section.GetSection(property.Name).GetChildren().Any())
            {
                // The binder skips a list or an object where one value belongs and keeps the default without a word.
                failures.Add($"The setting {section.Path}:{property.Name} cannot be a list or an object; it takes one of: {string.Join(", ", names)}.");
            }
            else if (!string.IsNullOrWhiteSpace(value) && !names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"The setting {section.Path}:{property.Name} cannot be '{value}'; it takes one of: {string.Join(", ", names)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
