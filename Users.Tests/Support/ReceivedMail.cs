namespace Users.Tests.Support;

/// <summary>A mail as smtp4dev lists it (envelope and subject); <see cref="Mailbox.ReadAsync"/> gives the whole message.</summary>
public sealed record ReceivedMail(Guid Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedDate);
