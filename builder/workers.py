"""The process pool of ``--jobs N``: workers that never outlive the build.

- Ctrl-C reaches the whole process group; workers ignore SIGINT, so only the parent
  reacts (one line, exit 130) and ends them;
- leaving :func:`pool` by an exception (an interrupt, SIGTERM turned into one by the
  CLI, a failure) cancels what is queued and kills the workers at once;
- a worker whose parent dies (``kill -9``) ends too: on Linux the kernel signals it
  (``PR_SET_PDEATHSIG``); elsewhere a watchdog thread notices within a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def _follow_parent(parent: int) -> None:
    """Worker initializer: ignore Ctrl-C, take SIGTERM's default, die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before we were set up
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


@contextlib.contextmanager
def pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jobs`` worker processes, ended with the block, killed if it fails."""
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_follow_parent, initargs=(os.getpid(),))
    try:
        yield executor
    except BaseException:
        _kill(executor)
        raise
    executor.shutdown(wait=True)


def _kill(executor: ProcessPoolExecutor) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout=5)
