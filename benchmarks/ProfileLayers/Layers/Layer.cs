using System.Text.RegularExpressions;

namespace ProfileLayers.Layers;

/// <summary>
/// A row of the table: the frames that belong to it, matched on <c>Module!Namespace.Type.Method</c> (the parameter list
/// left out, so that a parameter's type never decides).
/// </summary>
public sealed record Layer(string Name, Regex Frames)
{
    public Layer(string name, string pattern)
        : this(name, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled))
    {
    }
}
