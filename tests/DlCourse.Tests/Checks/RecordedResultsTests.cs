using System.Text.Json.Nodes;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Checks;

/// <summary>Runs alone: it sets the course-wide profile.</summary>
[CollectionDefinition("Profile", DisableParallelization = true)]
public class ProfileCollection;

[Collection("Profile")]
public class RecordedResultsTests
{
    [Fact]
    public void A_record_names_the_commit_its_run_started_from_not_the_checkout_at_the_end()
    {
        var folder = Repository.TempFolder("recorded-start");
        RestoringProfile(() =>
        {
            try
            {
                Profile.Current = ProfileKind.Full;
                RecordedResults.StartCommit = "0123abc";
                new RecordedResults("q1-demo", folder).Add("test accuracy", "89.25 %").SaveIfFull("cpu");
                Assert.Equal("0123abc", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "q1-demo.json")))!["commit"]);
                RecordedResults.NoteStart(); // noted once: a later call keeps the first
                Assert.Equal("0123abc", RecordedResults.StartCommit);
            }
            finally { RecordedResults.StartCommit = null; }
        });
    }

    [Fact]
    public void A_full_run_writes_its_results_with_date_device_and_commit_and_a_fast_run_leaves_them()
    {
        var folder = Repository.TempFolder("recorded");
        RestoringProfile(() =>
        {
            Profile.Current = ProfileKind.Fast;
            var fast = new RecordedResults("q1-demo", folder).Add("test accuracy", "0 %");
            Assert.Contains("left as it is", fast.SaveIfFull("cpu"));
            Assert.Contains("no full-profile run recorded here yet", fast.Show());

            Profile.Current = ProfileKind.Full;
            var full = new RecordedResults("q1-demo", folder).Add("test accuracy", "89.25 %").Add("chosen", "784–512–512–10");
            Assert.Contains("recorded 2 results", full.SaveIfFull("cpu (libtorch 1.13, 1 thread)"));

            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "q1-demo.json")))!;
            Assert.Equal("q1-demo", (string?)json["notebook"]);
            Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), ((string?)json["date"])![..10]);
            Assert.Matches("^[0-9a-f]{7,}( \\+ changes)?$|^unknown$", (string?)json["commit"]);
            Assert.Equal("89.25 %", (string?)json["values"]![0]!["value"]);

            Profile.Current = ProfileKind.Fast; // what every later run shows
            var shown = new RecordedResults("q1-demo", folder).Show();
            Assert.Contains("cpu (libtorch 1.13, 1 thread)", shown);
            Assert.Contains("test accuracy  89.25 %", shown);
            Assert.Contains("chosen         784–512–512–10", shown);
        });
    }

    [Fact]
    public void A_record_cell_s_text_is_the_save_line_then_the_record_shown()
    {
        var folder = Repository.TempFolder("recorded-cell");
        RestoringProfile(() =>
        {
            Profile.Current = ProfileKind.Fast;
            var fast = new RecordedResults("q5-demo", folder).Add("test accuracy", "0 %");
            Assert.Equal($"fast profile: {fast.Path} was left as it is (a full-profile run writes it)\nno full-profile run recorded here yet ({fast.Path})",
                fast.SaveIfFullThenShow("cpu"));
            Assert.Throws<ArgumentException>(() => fast.SaveIfFullThenShow(" "));

            Profile.Current = ProfileKind.Full;
            var lines = new RecordedResults("q5-demo", folder).Add("test accuracy", "89.25 %").SaveIfFullThenShow("cpu (1 thread)").Split('\n');
            Assert.Equal($"recorded 1 results in {Path.Combine(folder, "q5-demo.json")}", lines[0]);
            Assert.StartsWith("full-profile run of ", lines[1]); // the record just written
            Assert.EndsWith("cpu (1 thread), commit " + (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "q5-demo.json")))!["commit"] + ":", lines[1]);
            Assert.Equal("  test accuracy  89.25 %", lines[2]);
        });
    }

    [Fact]
    public void The_values_on_disk_are_read_back_by_key_and_none_before_a_full_run()
    {
        var folder = Repository.TempFolder("recorded");
        RestoringProfile(() =>
        {
            Assert.Empty(new RecordedResults("q3-demo", folder).ReadValues());
            Profile.Current = ProfileKind.Full;
            new RecordedResults("q3-demo", folder).Add("data", "45000 train").Add("test", "accuracy 93.0 %").SaveIfFull("cpu");
            Profile.Current = ProfileKind.Fast;
            var values = new RecordedResults("q3-demo", folder).ReadValues();
            Assert.Equal(["data", "test"], values.Keys);
            Assert.Equal("accuracy 93.0 %", values["test"]);
            File.WriteAllText(Path.Combine(folder, "q3-demo.json"), "{ \"values\": null }");
            Assert.Throws<InvalidDataException>(() => new RecordedResults("q3-demo", folder).ReadValues());
        });
    }

    [Fact]
    public void A_broken_record_is_named_and_a_bad_name_refused()
    {
        var folder = Repository.TempFolder("recorded");
        File.WriteAllText(Path.Combine(folder, "q2.json"), "{ not json");
        Assert.Contains("could not be read", new RecordedResults("q2", folder).Show());
        Assert.Throws<ArgumentException>(() => new RecordedResults("../q2", folder));
        Assert.Throws<ArgumentException>(() => new RecordedResults("", folder));
    }

    // These tests set the course-wide profile; each leaves it as it found it.
    private static void RestoringProfile(Action body)
    {
        var before = Profile.Current;
        try { body(); }
        finally { Profile.Current = before; }
    }
}
