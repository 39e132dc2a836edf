using System.Net;
using System.Net.Sockets;

namespace VNexsus.Testing;

public static class FreePort
{
    /// <summary>Distinct loopback TCP ports that were free a moment ago (held together while chosen, so never equal).</summary>
    public static int[] Many(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int Next() => Many(1)[0];
}
