"""Small stories of our own for the safety tests, and the CLI run in this process or another."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HERALD = """---
title: Harbour talks resume after strike
date: {date}
outlet: Coast Herald
---
Talks between the port authority and the dock workers' union resumed on Friday, the mayor said.

"We are ready to sign tonight," union leader Ana Ruiz said. About 1,200 workers walked out last week.
"""

POST = """---
title: Dock strike talks restart
date: {date}
outlet: Bay Post
---
"We are ready to sign tonight," union leader Ana Ruiz told reporters on Friday.

Some 1,300 workers joined the strike, the union said.
"""


def write_story(folder: Path, date: str = "2025-03-14", **extra: str) -> Path:
    """A story folder of two articles (one per outlet) plus any ``name=text`` files given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "herald.md").write_text(HERALD.format(date=date), encoding="utf-8")
    (folder / "post.md").write_text(POST.format(date=date), encoding="utf-8")
    for name, text in extra.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def cli(*argv: str, timeout: float = 120, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m builder ARGV`` in a process of its own; fails the test past ``timeout`` seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PARALLAX_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "builder", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
