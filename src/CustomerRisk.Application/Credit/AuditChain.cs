using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Credit;

/// <summary>The hash chain of the audit trail. A record's hash is the SHA-256 of its canonical form — the JSON array
/// <c>[seq, at, actor, action, entity, customer_id, before, after, prev_hash]</c> written without spaces, the time as
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> — so changing any field, or removing or reordering a record, breaks every hash
/// after it.</summary>
public static class AuditChain
{
    /// <summary>The prev_hash of the first record: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The time as stored and hashed: UTC, truncated to whole milliseconds (both databases keep that exactly).</summary>
    public static DateTimeOffset Stamp(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The canonical text of a record (its hash field is not part of it).</summary>
    public static string Canonical(long seq, DateTimeOffset at, AuditEntry entry, string prevHash)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteCanonical(buffer, seq, at, entry, prevHash);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The hash of a record: SHA-256 of its canonical text, lower-case hex. The canonical UTF-8 bytes are
    /// hashed as written (the same bytes as the text's UTF-8), without a round trip through a string, into a buffer and
    /// writer kept per thread: the order check hashes one record per check.</summary>
    public static string Hash(long seq, DateTimeOffset at, AuditEntry entry, string prevHash)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        WriteCanonical(writer, seq, at, entry, prevHash);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        // A long record (a policy's text) is not kept alive by the thread.
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null;
            t_writer = null;
        }

        return Convert.ToHexStringLower(hash);
    }

    private static void WriteCanonical(ArrayBufferWriter<byte> buffer, long seq, DateTimeOffset at, AuditEntry entry, string prevHash)
    {
        using var writer = new Utf8JsonWriter(buffer);
        WriteCanonical(writer, seq, at, entry, prevHash);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, long seq, DateTimeOffset at, AuditEntry entry, string prevHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(prevHash);
        writer.WriteStartArray();
        writer.WriteNumberValue(seq);
        Span<char> stamp = stackalloc char[24];
        Stamp(at).TryFormat(stamp, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(stamp[..written]);
        writer.WriteStringValue(entry.Actor);
        writer.WriteStringValue(entry.Action);
        writer.WriteStringValue(entry.Entity);
        WriteNullable(writer, entry.CustomerId);
        WriteNullable(writer, entry.Before);
        WriteNullable(writer, entry.After);
        writer.WriteStringValue(prevHash);
        writer.WriteEndArray();
        writer.Flush();
    }

    /// <summary>Builds the record that follows <paramref name="head"/> (null for the first).</summary>
    public static AuditRecord Next(AuditHead? head, DateTimeOffset at, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var seq = (head?.Seq ?? 0) + 1;
        var prev = head?.Hash ?? Genesis;
        var stamp = Stamp(at);
        return new AuditRecord
        {
            Seq = seq,
            At = stamp,
            Actor = entry.Actor,
            Action = entry.Action,
            Entity = entry.Entity,
            CustomerId = entry.CustomerId,
            Before = entry.Before,
            After = entry.After,
            PrevHash = prev,
            Hash = Hash(seq, stamp, entry, prev),
        };
    }

    /// <summary>The hash a stored record should have, recomputed from its fields.</summary>
    public static string Recompute(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Hash(record.Seq, record.At, EntryOf(record), record.PrevHash);
    }

    /// <summary>The entry part of a record.</summary>
    public static AuditEntry EntryOf(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditEntry
        {
            Actor = record.Actor, Action = record.Action, Entity = record.Entity, CustomerId = record.CustomerId,
            Before = record.Before, After = record.After,
        };
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
