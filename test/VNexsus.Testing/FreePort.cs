using System.Net;
using System.Net.Sockets;

namespace VNexsus.Testing;

/// <summary>
/// Loopback TCP ports for the servers tests start, chosen below the kernel's ephemeral range (32768–60999 by default).
/// The outgoing connections of every test process take their local ports from that range, so a port found free there
/// (by binding port 0) was taken by some client connection before the server bound it, once in CI. Each port is handed
/// out once per process, and each process starts at a random place, so parallel test assemblies rarely try the same one.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static int _next = First + Random.Shared.Next(Last - First + 1);

    /// <summary>Distinct loopback TCP ports that were free a moment ago and were never handed out before in this process.</summary>
    public static int[] Many(int count)
    {
        lock (Gate)
        {
            var ports = new List<int>(count);
            for (var tried = 0; ports.Count < count; tried++)
            {
                if (tried > Last - First)
                {
                    throw new InvalidOperationException($"no free loopback port left in {First}-{Last}");
                }

                var port = _next;
                _next = port == Last ? First : port + 1;
                if (HandedOut.Add(port) && IsFree(port))
                {
                    ports.Add(port);
                }
            }

            return [.. ports];
        }
    }

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int Next() => Many(1)[0];

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
