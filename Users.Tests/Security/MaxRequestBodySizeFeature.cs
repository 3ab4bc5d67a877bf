using Microsoft.AspNetCore.Http.Features;

namespace Users.Tests.Security;

/// <summary>The body-size limit a server offers a request, as Kestrel does before the body is read: writable, 1 MiB to start.</summary>
public sealed class MaxRequestBodySizeFeature : IHttpMaxRequestBodySizeFeature
{
    public bool IsReadOnly => false;

    public long? MaxRequestBodySize { get; set; } = 1024 * 1024;
}
