namespace Users.Tests.Support;

/// <summary>A <see cref="DatabaseTest"/> that also reads what the app mailed: the test smtp4dev, emptied before each test.</summary>
public abstract class MailboxTest : DatabaseTest
{
    protected Mailbox Mailbox { get; private set; } = null!;

    [OneTimeSetUp]
    public void OpenMailbox() => Mailbox = new Mailbox(TestMailServer.ApiUrl);

    [SetUp]
    public Task EmptyMailboxAsync() => Mailbox.ClearAsync();

    [OneTimeTearDown]
    public void CloseMailbox() => Mailbox.Dispose();
}
