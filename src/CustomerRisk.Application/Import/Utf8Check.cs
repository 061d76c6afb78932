using System.Buffers;
using System.Text.Unicode;

namespace CustomerRisk.Application.Import;

/// <summary>Finds the first byte of a file that is not UTF-8, before anything is imported, so a file saved in a legacy
/// code page is refused whole instead of failing halfway.</summary>
internal static class Utf8Check
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Null when the whole file is UTF-8; otherwise the line (1-based) and the value of the first bad byte.
    /// <paramref name="lineBreaks"/> is the number of line feeds read, an estimate of the rows to come.</summary>
    public static (long Line, byte Value)? FindInvalidByte(string path, out long lineBreaks)
    {
        lineBreaks = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1,
            FileOptions.SequentialScan);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            var line = 1L;
            var carried = 0;
            while (true)
            {
                var read = stream.Read(bytes, carried, ChunkSize);
                var length = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _,
                    replaceInvalidSequences: false, isFinalBlock: final);
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return (line + bytes.AsSpan(0, consumed).Count((byte)'\n'), bytes[consumed]);
                }

                line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                if (final)
                {
                    lineBreaks = line - 1;
                    return null;
                }

                // An incomplete sequence at the end of the chunk waits for the next one.
                carried = length - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
