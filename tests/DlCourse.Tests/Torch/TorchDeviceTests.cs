using DlCourse.Torch;
using TorchSharp;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class TorchDeviceTests
{
    [Fact]
    public void Best_device_is_cuda_exactly_when_libtorch_sees_a_gpu()
    {
        var expected = torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        if (Environment.GetEnvironmentVariable(TorchDevice.EnvironmentVariable) is null)
            Assert.Equal(expected, TorchDevice.Best.type);
        Assert.StartsWith(TorchDevice.Best.type == DeviceType.CUDA ? "cuda" : "cpu", TorchDevice.Describe());
        Assert.Contains("libtorch", TorchDevice.Describe());
    }

    [Fact]
    public void Parse_accepts_cpu_and_rejects_unknown_names()
    {
        Assert.Equal(DeviceType.CPU, TorchDevice.Parse(" CPU ").type);
        Assert.Throws<ArgumentException>(() => TorchDevice.Parse("tpu"));
        if (!torch.cuda.is_available())
            Assert.Contains("-p:TorchBackend=cuda", Assert.Throws<ArgumentException>(() => TorchDevice.Parse("cuda")).Message);
    }

    [Fact]
    public void A_missing_libtorch_is_explained_with_the_packages_to_install()
    {
        var torchSharpMessage = new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=1.13.0.1.");
        var message = TorchDevice.Explain(torchSharpMessage);
        Assert.Contains("apt-get install -y libtorch1.13 libopenblas0-pthread", message);
        Assert.Contains("environment/setup.sh", message);
        Assert.Contains("libtorch-cpu-linux-x64", message); // TorchSharp's own words are kept at the end, after the advice
        Assert.True(message.IndexOf("apt-get", StringComparison.Ordinal) < message.IndexOf("TorchSharp said", StringComparison.Ordinal));
    }
}
