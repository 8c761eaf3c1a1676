namespace DlCourse.Cli.Commands;

/// <summary>
/// Every verb's exit codes, and its one way to report what stopped it: <c>dlcourse VERB: message</c> on stderr.
/// 0: done, nothing wrong found; 1: done, and it found failures (a cell failed, a check or self-check test failed, an
/// export failed); 2: bad input or usage (a missing or malformed file, a bad option), nothing done; 130: interrupted.
/// </summary>
internal static class Exit
{
    public const int Ok = 0, FailuresFound = 1, BadInput = 2, Interrupted = 130;

    public static int Of(int failures) => failures == 0 ? Ok : FailuresFound;

    /// <summary>Reports why the verb could not start, with the one prefix every verb uses, and returns <see cref="BadInput"/>.</summary>
    public static int Refuse(string verb, string message, TextWriter? stderr = null) => Report(verb, message, stderr, BadInput);

    /// <summary>Reports why the verb could not finish its work, with the same prefix, and returns <see cref="FailuresFound"/>.</summary>
    public static int Fail(string verb, string message, TextWriter? stderr = null) => Report(verb, message, stderr, FailuresFound);

    /// <summary>Says what an interrupted verb kept, with the same prefix, and returns <see cref="Interrupted"/>.</summary>
    public static int Interrupt(string verb, string kept) => Report(verb, $"interrupted; {kept}", null, Interrupted);

    private static int Report(string verb, string message, TextWriter? stderr, int code)
    {
        (stderr ?? Console.Error).WriteLine($"dlcourse {verb}: {message}");
        return code;
    }
}
