"""A second core for one run: work handed to a forked copy of the process.

A run renders several targets, each independently of the others. Where the machine has a
second core (and the platform forks cheaply and safely: Linux), the pipeline gives some of
them to a child forked after the catalogues are checked, which has all the parent has, does
its share and sends the result back, pickled, over a pipe. A child that fails, is killed or
sends nothing leaves its share to the parent, which does it itself: the result is always
what one process would make, byte for byte, and an error surfaces in the parent as it would
have without a child.

The pickle comes from the child alone, a copy of this process, never from a file or the
repository.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

WORTH_A_FORK = 1_000
"""Codes to render below which a second process costs about what it saves (forking and
sending back the files take a few milliseconds)."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def available() -> bool:
    """Whether work may be forked off: Linux (elsewhere fork is unsafe or unavailable once
    libraries are loaded) with more than one core."""
    return sys.platform.startswith("linux") and cores() > 1


def both(here: Callable[[], A], there: Callable[[], B]) -> tuple[A, B]:
    """``here()`` in this process and ``there()`` in a forked child, at the same time; both
    here, one after the other, when forking is not available or fails."""
    if not available():
        return here(), there()
    receive, send = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        return here(), there()
    if child == 0:  # pragma: no cover - the child's lines run in the child, unseen by coverage
        _child(receive, send, there)
    os.close(send)
    # The child's answer is read as it comes, while this process works: a pipe holds only
    # 64 KiB, and tens of megabytes of files would otherwise pass in as many round trips.
    chunks: list[bytes] = []
    reader = threading.Thread(target=_read, args=(receive, chunks), daemon=True)
    reader.start()
    try:
        mine = here()
        reader.join()
        _, status = os.waitpid(child, 0)
        child = 0
    finally:
        if child:  # this process failed or was interrupted: the child's work is not wanted
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            reader.join()
    data = b"".join(chunks)
    chunks.clear()  # the pieces freed before the pickle is read: at 100,000 codes, 300 MB
    if status == 0 and data:
        try:
            theirs: B = pickle.loads(data)
            return mine, theirs
        except Exception:  # pragma: no cover - a child that died mid-write reports failure
            pass
    return mine, there()


def _read(receive: int, chunks: list[bytes]) -> None:
    """Everything the child sends, into ``chunks``, then the pipe closed."""
    with os.fdopen(receive, "rb", buffering=0) as pipe:
        while chunk := pipe.read(1 << 20):
            chunks.append(chunk)


def _child(receive: int, send: int, there: Callable[[], object]) -> None:
    """Do ``there()``, send it, and leave without running anything of the parent's (no exit
    handlers, no flushing of output the parent buffered)."""
    status = 1
    try:
        os.close(receive)
        data = pickle.dumps(there(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(send, "wb") as pipe:
            pipe.write(data)
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)
