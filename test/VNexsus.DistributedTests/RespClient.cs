using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VNexsus.DistributedTests;

/// <summary>
/// Just enough of the Redis protocol (RESP2) to inspect the test server: one connection per command, replies as
/// strings, nulls, longs or lists. The test project does not load StackExchange.Redis: the silo and API projects are
/// referenced only to be built, so none of their packages flow here.
/// </summary>
public static class RespClient
{
    public static async Task<object?> CommandAsync(int port, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();

        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        var reader = new Reader(stream, timeout.Token);
        return await reader.ReadReplyAsync();
    }

    /// <summary>True when something answers <c>+PONG</c> on the port; false while nothing listens yet.</summary>
    public static async Task<bool> PingAsync(int port)
    {
        try
        {
            return await CommandAsync(port, "PING") is "PONG";
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every key that matches a glob pattern (SCAN, so the server is never blocked).</summary>
    public static async Task<List<string>> KeysAsync(int port, string pattern)
    {
        var keys = new List<string>();
        var cursor = "0";
        do
        {
            var reply = (List<object?>)(await CommandAsync(port, "SCAN", cursor, "MATCH", pattern, "COUNT", "1000"))!;
            cursor = (string)reply[0]!;
            keys.AddRange(((List<object?>)reply[1]!).Cast<string>());
        }
        while (cursor != "0");

        return keys;
    }

    /// <summary>HGETALL as field → value.</summary>
    public static async Task<Dictionary<string, string>> HashGetAllAsync(int port, string key)
    {
        var reply = (List<object?>)(await CommandAsync(port, "HGETALL", key))!;
        var hash = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < reply.Count; i += 2)
        {
            hash[(string)reply[i]!] = (string)reply[i + 1]!;
        }

        return hash;
    }

    private sealed class Reader(Stream stream, CancellationToken cancellationToken)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        public async Task<object?> ReadReplyAsync()
        {
            var line = await ReadLineAsync();
            var body = line[1..];
            switch (line[0])
            {
                case '+':
                    return body;
                case '-':
                    throw new InvalidOperationException($"Redis error: {body}");
                case ':':
                    return long.Parse(body, CultureInfo.InvariantCulture);
                case '$':
                    var length = int.Parse(body, CultureInfo.InvariantCulture);
                    if (length < 0)
                    {
                        return null;
                    }

                    var bytes = await ReadExactlyAsync(length + 2);
                    return Encoding.UTF8.GetString(bytes, 0, length);
                case '*':
                    var count = int.Parse(body, CultureInfo.InvariantCulture);
                    if (count < 0)
                    {
                        return null;
                    }

                    var items = new List<object?>(count);
                    for (var i = 0; i < count; i++)
                    {
                        items.Add(await ReadReplyAsync());
                    }

                    return items;
                default:
                    throw new InvalidOperationException($"Unexpected Redis reply line '{line}'.");
            }
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (start == end)
                {
                    await FillAsync();
                }

                var b = buffer[start++];
                if (b == '\n' && line.Count > 0 && line[^1] == '\r')
                {
                    return Encoding.UTF8.GetString([.. line[..^1]]);
                }

                line.Add(b);
            }
        }

        private async Task<byte[]> ReadExactlyAsync(int count)
        {
            var result = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (start == end)
                {
                    await FillAsync();
                }

                var take = Math.Min(count - copied, end - start);
                Array.Copy(buffer, start, result, copied, take);
                start += take;
                copied += take;
            }

            return result;
        }

        private async Task FillAsync()
        {
            start = 0;
            end = await stream.ReadAsync(buffer, cancellationToken);
            if (end == 0)
            {
                throw new IOException("Redis closed the connection.");
            }
        }
    }
}
