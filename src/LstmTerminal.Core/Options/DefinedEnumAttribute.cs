using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

/// <summary>
/// Accepts only a named value of the property's enum: the configuration binder also takes a number ("99") and would
/// store it as a value the code has no case for.
/// </summary>
/// <param name="key">The setting as a user writes it, e.g. <c>Training:Softmax</c>.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefinedEnumAttribute(string key) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not Enum member || Enum.IsDefined(member.GetType(), member)
            ? ValidationResult.Success
            : new ValidationResult($"The setting {key} cannot be '{member}'; it takes one of: {string.Join(", ", Enum.GetNames(member.GetType()))}.");
}
