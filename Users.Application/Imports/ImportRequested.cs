namespace Users.Application.Imports;

/// <summary>An outbox message: process the staged rows of this import.</summary>
public sealed record ImportRequested(Guid ImportId);
