using System.Net.Http.Headers;
using System.Text;

namespace VNexsus.Testing;

/// <summary>
/// Builds multipart bodies byte by byte, the way curl and browsers send them (a file name as raw UTF-8 inside quotes),
/// so the tests see exactly what real clients send.
/// </summary>
public sealed class Multipart
{
    private readonly string _boundary = "----vnexsus" + Guid.NewGuid().ToString("N");
    private readonly MemoryStream _body = new();

    public Multipart File(string fileName, string contentType, byte[] bytes, string field = "files")
    {
        Write($"--{_boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
        _body.Write(bytes);
        Write("\r\n");
        return this;
    }

    public Multipart Field(string name, string value)
    {
        Write($"--{_boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        return this;
    }

    public HttpContent Build()
    {
        Write($"--{_boundary}--\r\n");
        var content = new ByteArrayContent(_body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={_boundary}");
        return content;
    }

    private void Write(string text) => _body.Write(Encoding.UTF8.GetBytes(text));
}
