using VNexsus.Api;
using VNexsus.Api.Auth;

if (args is [KeyCommand.Name, .. var command])
{
    return await KeyCommand.RunAsync(command, Console.Out, Console.Error);
}

ApiHost.Build(args).Run();
return 0;
