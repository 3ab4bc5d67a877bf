namespace Users.Api.OpenApi;

/// <summary>
/// Documents the optional <c>If-Match</c> header of a conditional write. The action reads the raw header itself, since
/// model binding cannot tell an empty header from a missing one, and an empty one must not mean "no condition".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIfMatchAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
