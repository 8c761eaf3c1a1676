using DlCourse.Numerics;

namespace DlCourse.Tests.Numerics;

public class SequenceMovesTests
{
    [Fact]
    public void Rises_counts_the_steps_up_by_more_than_the_slack()
    {
        double[] values = [1, 2, 2, 3, 1, 1.5];
        Assert.Equal(3, SequenceMoves.Rises(values));               // 1→2, 2→3, 1→1.5
        Assert.Equal(2, SequenceMoves.Rises(values, slack: 0.6));   // 1→1.5 is within the slack
        Assert.Equal(0, SequenceMoves.Rises([5.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMoves.Rises(values, slack: -1));
    }

    [Fact]
    public void Reversals_count_sign_changes_of_the_moves_and_skip_moves_within_rounding()
    {
        // Moves +1, −1, +1, 0, +1, −2: the zero move is skipped, so three sign changes.
        Assert.Equal(3, SequenceMoves.Reversals([0.0, 1, 0, 1, 1, 2, 0]));
        // A step back of 1e-7 is rounding: no reversal.
        Assert.Equal(0, SequenceMoves.Reversals([0.0, 1, 1 - 1e-7, 2]));
        Assert.Equal(2, SequenceMoves.Reversals([0.0, 1, 1 - 1e-7, 2], ignoreBelow: 1e-8));   // back, then forward again
        Assert.Equal(0, SequenceMoves.Reversals([]));
    }

    [Fact]
    public void Reversals_along_a_direction_project_each_move_on_it()
    {
        float[][] zigzag = [[0, 0], [1, 1], [2, 0], [3, 1]];
        Assert.Equal(2, SequenceMoves.ReversalsAlong(zigzag, [0.0, 1.0]));   // up, down, up
        Assert.Equal(0, SequenceMoves.ReversalsAlong(zigzag, [1.0, 0.0]));   // always right
        Assert.Equal(0, SequenceMoves.ReversalsAlong(zigzag, [1.0, 1.0]));   // moves 2, 0 (skipped), 2
        Assert.Throws<ArgumentException>(() => SequenceMoves.ReversalsAlong(zigzag, [1.0, 0.0, 0.0]));
    }
}
