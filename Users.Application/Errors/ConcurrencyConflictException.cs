namespace Users.Application.Errors;

/// <summary>The row changed between being read and being written.</summary>
public sealed class ConcurrencyConflictException()
    : ConflictException("The resource was changed by another request at the same time; read it again and retry.");
