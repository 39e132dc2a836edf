using VNexsus.Hosting;

// A silo of the distributed mode: Redis clustering, grain state and reminders; health and metrics over HTTP.
var builder = WebApplication.CreateBuilder(args);
var options = builder.AddVNexsusDefaults();
if (options.Mode != HostingMode.Distributed)
{
    throw new InvalidOperationException(
        "The silo host runs only in the distributed mode: set VNexsus:Mode=Distributed and ConnectionStrings:Redis. " +
        "For one process, run the API, which co-hosts a silo in the embedded mode.");
}

builder.AddVNexsusSilo(options);
var app = builder.Build();
app.UseVNexsusDefaults();
app.Run();
