namespace DlCourse.Tests.Checks;

public class RecordedFieldsTests
{
    [Fact]
    public void A_value_is_read_back_by_the_pattern_it_was_written_with()
    {
        var fields = RecordedFields.Read("last epoch train 99.8 % (loss 0.011); 61,706 parameters, epoch 6 of 10; VGG (w = 16)",
            "last epoch train {train} % (loss {loss}); {parameters} parameters, epoch {best} of {last}; {name}");
        Assert.Equal(0.998, fields.Percent("train"), 15);
        Assert.Equal(0.011, fields.Number("loss"));
        Assert.Equal(61_706, fields.Integer("parameters"));
        Assert.Equal(61_706, fields.Number("parameters"));
        Assert.Equal((6, 10), (fields.Integer("best"), fields.Integer("last")));
        Assert.Equal("VGG (w = 16)", fields.Text("name"));
        Assert.Equal("-0.45", RecordedFields.Read("gap -0.45 points", "gap {gap} points").Text("gap"));
        Assert.Equal(3e-4, RecordedFields.Read("η = 3.0e-4", "η = {rate}").Number("rate"));
    }

    [Fact]
    public void Each_item_of_a_list_is_read_by_the_item_pattern()
    {
        var items = RecordedFields.ReadList("ReLU 89.7 %, GELU 89.4 %, Tanh 89.2 %", "{name} {accuracy} %");
        Assert.Equal(["ReLU", "GELU", "Tanh"], items.Select(i => i.Text("name")));
        Assert.Equal([89.7, 89.4, 89.2], items.Select(i => i.Number("accuracy")));
        Assert.Equal([7, 1], RecordedFields.ReadList("η = 3.0e-4: 7; η = 1.0e-3: 1", "η = {rate}: {count}", "; ").Select(i => i.Integer("count")));
    }

    [Fact]
    public void A_value_that_does_not_fit_and_a_field_the_pattern_lacks_are_named()
    {
        // The whole value must fit: a literal that differs, or text left over, is refused.
        Assert.Contains("does not fit", Assert.Throws<FormatException>(() => RecordedFields.Read("test 92.0 %", "train {accuracy} %")).Message);
        Assert.Throws<FormatException>(() => RecordedFields.Read("test 92.0 % on 10 images", "test {accuracy} %"));
        // Regex characters in the pattern are literal text.
        Assert.Throws<FormatException>(() => RecordedFields.Read("loss 0.5x", "loss {loss}.x"));
        Assert.Contains("{accuracy}", Assert.Throws<KeyNotFoundException>(() => RecordedFields.Read("test 92.0 %", "test {accuracy} %").Text("loss")).Message);
        Assert.Throws<ArgumentException>(() => RecordedFields.Read("1 and 2", "{a} and {a}"));
        Assert.Throws<FormatException>(() => RecordedFields.Read("test ninety %", "test {accuracy} %").Number("accuracy"));
    }
}
