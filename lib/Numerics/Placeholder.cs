namespace DlCourse.Numerics;
internal static class Placeholder { }
