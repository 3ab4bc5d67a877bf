using System.Text.Json;
using System.Text.Json.Serialization;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RawUser))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
