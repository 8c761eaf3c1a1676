namespace DlCourse;

/// <summary>
/// Marks library code that computes the answer to course questions (<c>"a1q5"</c>, or <c>"a1"</c> for all of A1), so
/// that a student cannot earn a question's points by calling it: the grader refuses it in those questions' student cells.
/// </summary>
/// <remarks>On the assembly, with <see cref="Namespace"/>, it marks a whole outside library (TorchSharp's autograd and
/// losses answer every derivation of A1–A3). Hidden tests, which are not student cells, may still call what it marks.</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method |
                AttributeTargets.Property | AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class AnswerToAttribute : Attribute
{
    public AnswerToAttribute(params string[] questions)
    {
        if (questions.Length == 0) throw new ArgumentException("name at least one question, such as \"a1q5\" or \"a1\".", nameof(questions));
        foreach (var q in questions)
            if (!IsQuestion(q)) throw new ArgumentException($"\"{q}\" is not a question such as \"a1q5\" or an assignment such as \"a1\".", nameof(questions));
        Questions = questions;
    }

    /// <summary>The questions (<c>a1q5</c>) and whole assignments (<c>a1</c>) this code answers.</summary>
    public string[] Questions { get; }

    /// <summary>On the assembly only: the namespace, with its children, that answers <see cref="Questions"/>.</summary>
    public string? Namespace { get; set; }

    private static bool IsQuestion(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, "^a[0-9]+(q[0-9]+)?$");
}
