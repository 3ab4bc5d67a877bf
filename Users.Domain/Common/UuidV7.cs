using System.Security.Cryptography;

namespace Users.Domain.Common;

/// <summary>
/// Makes UUIDv7s that increase strictly within this process (RFC 9562, 6.2 method 1): the 12 bits after the
/// millisecond timestamp count the ids made in that millisecond. <see cref="Guid.CreateVersion7()"/> fills them
/// randomly, so two ids of one millisecond would sort by chance and "newest first" would not hold.
/// </summary>
public static class UuidV7
{
    private const int MaxCounter = 0xFFF;

    // A random start leaves headroom below the 12-bit limit and keeps ids of one millisecond hard to guess.
    private const int MaxCounterStart = 0x7FF;

    // A clock stepping back by up to this much (an NTP correction) keeps the last timestamp; a larger jump is taken
    // as the new time, so one odd clock reading cannot pin every later id to it.
    private const long MaxStepBackMilliseconds = 1_000;

    // Random bits are drawn from the system's generator a page at a time: one call per id cost more than all the
    // rest of making it (a bulk import makes a million).
    private const int RandomPageSize = 4096;
    private const int RandomBytesPerId = 8;

    private static readonly Lock Gate = new();
    private static readonly byte[] RandomPage = new byte[RandomPageSize];
    private static int s_randomOffset = RandomPageSize;
    private static long s_lastMilliseconds = -1;
    private static int s_counter;

    public static Guid Create(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        long milliseconds;
        int counter;
        lock (Gate)
        {
            milliseconds = now.ToUnixTimeMilliseconds();
            if (milliseconds < s_lastMilliseconds && s_lastMilliseconds - milliseconds <= MaxStepBackMilliseconds)
            {
                milliseconds = s_lastMilliseconds;
            }

            // A full counter moves on to the next millisecond rather than wrap below the last id.
            if (milliseconds == s_lastMilliseconds && ++s_counter > MaxCounter)
            {
                milliseconds++;
            }

            if (milliseconds != s_lastMilliseconds)
            {
                s_lastMilliseconds = milliseconds;
                s_counter = RandomNumberGenerator.GetInt32(MaxCounterStart + 1);
            }

            counter = s_counter;
            if (s_randomOffset == RandomPageSize)
            {
                RandomNumberGenerator.Fill(RandomPage);
                s_randomOffset = 0;
            }

            RandomPage.AsSpan(s_randomOffset, RandomBytesPerId).CopyTo(bytes[8..]);
            s_randomOffset += RandomBytesPerId;
        }

        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
