"""Builds that are interrupted or killed, with real signals (issue 11, Build 6).

``python -m builder build -j 2`` runs in a session of its own; the test waits for
its two workers, then sends Ctrl-C to the process group (as a terminal does),
SIGTERM to the builder, or SIGKILL to the builder alone, and checks the exit status,
the one line printed and that no worker is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.safety_story import ROOT, write_story

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


def _ppid_and_state(pid: int) -> tuple[int, str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[1]), fields[0]


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (info := _ppid_and_state(int(entry))) and info[0] == pid:
            found.append(int(entry))
    return found


def alive(pids: list[int]) -> list[int]:
    return [p for p in pids if (info := _ppid_and_state(p)) and info[1] != "Z"]


def wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


def many_articles(folder: Path) -> Path:
    """Forty articles: long enough to extract that the signal arrives mid-way."""
    story = folder / "story"
    story.mkdir(parents=True)
    for n, seed in enumerate(sorted((ROOT / "seeds").glob("*.txt")) * 8):
        text = seed.read_text(encoding="utf-8")
        (story / f"{seed.stem}-{n}.txt").write_text(f"{text}\nCopy {n} of the report.\n", encoding="utf-8")
    return story


def _interruptible() -> None:
    """Ctrl-C as in a terminal: a test run started in the background (``make test &``)
    ignores SIGINT, and a Python started with SIGINT ignored never turns it into
    KeyboardInterrupt; the build under test must start with the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def running_build(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A ``-j 2`` build with its two workers up; output into files (workers must not hold a pipe)."""
    story = many_articles(tmp_path)
    out, err = open(tmp_path / "out", "w+"), open(tmp_path / "err", "w+")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PARALLAX_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", str(story), "--site-dir", str(tmp_path / "site"),
         "--cache-dir", str(tmp_path / "cache"), "-j", "2", "-q"],
        cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True, preexec_fn=_interruptible)
    workers: list[int] = []
    try:
        assert wait_until(lambda: len(children(process.pid)) >= 2, 60), "the workers never started"
        workers = children(process.pid)
        time.sleep(2.0)  # let them load the model and start extracting
        assert process.poll() is None, "the build ended before the signal"
        yield process, workers, tmp_path
    finally:
        for pid in [process.pid, *alive(workers)]:
            if alive([pid]):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
        out.close()
        err.close()


def _err(tmp_path: Path) -> list[str]:
    return [line for line in (tmp_path / "err").read_text().splitlines() if line.strip()]


def test_ctrl_c_prints_one_line_exits_130_and_ends_every_worker(running_build) -> None:  # type: ignore[no-untyped-def]
    process, workers, tmp_path = running_build
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does: the whole process group
    assert process.wait(timeout=30) == 130
    assert _err(tmp_path) == ["parallax: interrupted; nothing more written (the previous site, if any, "
                              "is unchanged)"]
    assert wait_until(lambda: not alive(workers), 10), f"workers left: {alive(workers)}"
    assert not (tmp_path / "site").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_sigterm_ends_the_build_and_its_workers(running_build) -> None:  # type: ignore[no-untyped-def]
    process, workers, tmp_path = running_build
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 143
    assert len(_err(tmp_path)) == 1 and "terminated" in _err(tmp_path)[0]
    assert wait_until(lambda: not alive(workers), 10), f"workers left: {alive(workers)}"


def test_workers_end_when_the_build_is_killed(running_build) -> None:  # type: ignore[no-untyped-def]
    process, workers, tmp_path = running_build
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL
    assert wait_until(lambda: not alive(workers), 10), f"workers left: {alive(workers)}"
    # what was extracted before the kill is kept; the next build starts from it and finishes
    cache = tmp_path / "cache"
    kept = len([p for p in cache.rglob("*.json") if p.parent.parent == cache])  # not parsed/ or stories/
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "builder", "build", str(tmp_path / "story"),
                           "--site-dir", str(tmp_path / "site"), "--cache-dir", str(tmp_path / "cache"), "-q"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{40 - kept} articles extracted, {kept} from cache" in done.stdout
