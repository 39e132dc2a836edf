using VNexsus.Api;

ApiHost.Build(args).Run();
