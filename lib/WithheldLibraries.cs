// TorchSharp's autograd, softmax and losses compute every derivation and loss that A1–A3 ask for, and a module's
// parameter count or output shape answers A4's counting questions (see AnswerToAttribute).
[assembly: DlCourse.AnswerTo("a1", "a2", "a3", "a4q1", "a4q2", "a4q4", Namespace = "TorchSharp")]
