using System.Threading;
using FactorialGen.Samples.Webhooks;

// dotnet run --project samples/FactorialGen.Samples.Webhooks -- --urls http://127.0.0.1:5081 --challenge SECRET
return await WebhookSample.RunAsync(args, System.Console.Out, CancellationToken.None);
