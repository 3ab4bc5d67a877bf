namespace Users.Tests.Jobs;

/// <summary>
/// A test-only outbox message: <see cref="TestMessageHandler"/> records it under its <paramref name="Label"/>, and
/// throws instead when <paramref name="Fails"/>, or waits for the test's word first when <paramref name="Holds"/>.
/// </summary>
public sealed record TestMessage(string Label, bool Fails = false, bool Holds = false);
