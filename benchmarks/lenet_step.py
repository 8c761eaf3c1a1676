"""PyTorch side of the LeNet-5 training-step benchmark (benchmarks/DlCourse.Benchmarks/LeNetStep.cs drives it).

Builds the same LeNet-5 as DlCourse.Torch.LeNet5 for 1x28x28 input and times Adam steps on one fixed batch.
Reads commands from stdin, one per line: "round N" runs N steps and prints their wall time in seconds; "quit" ends.
The first line printed is the parameter count (so that the caller can check that both sides built the same network)
and the PyTorch version.
"""
import argparse
import sys
import time

import torch
from torch import nn


def lenet5(classes: int = 10) -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, classes))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    model = lenet5().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.randn(args.batch, 1, 28, 28, device=device)
    labels = torch.randint(0, 10, (args.batch,), device=device)

    def step() -> float:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()
        return loss.item()  # waits for the device, as the TorchSharp side does

    print(sum(p.numel() for p in model.parameters()), torch.__version__, flush=True)
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            break
        steps = int(command[1])
        start = time.perf_counter()
        for _ in range(steps):
            step()
        print(time.perf_counter() - start, flush=True)


if __name__ == "__main__":
    main()
