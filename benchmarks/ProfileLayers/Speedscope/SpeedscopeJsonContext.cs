using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileLayers.Speedscope;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SpeedscopeFile))]
internal sealed partial class SpeedscopeJsonContext : JsonSerializerContext;
