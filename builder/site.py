"""Build the static site with mkdocs into a temporary folder, then swap it into place.

The site folder is Parallax's alone. A build replaces it only when it is missing,
empty, or carries the marker file (``.parallax-site``) an earlier build wrote; it
refuses anything else (see :func:`check_site_dir`). The marker also records what the
site was built from and the files it holds, so a rebuild with nothing changed can
leave an intact site alone and a damaged one is rebuilt.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any

from builder.files import write_atomic
from builder.models import Corpus
from builder.search import index_search

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"
MARKER = ".parallax-site"
# gzip stores the build time in 32 bits and mkdocs formats it as a four-digit year:
# SOURCE_DATE_EPOCH stays within 1970-01-01 .. 2106-02-07 whatever the articles' dates.
_EPOCH_RANGE = (0, 2**32 - 1)


class SiteDirError(Exception):
    """The site folder named is not one Parallax may replace."""


def check_site_dir(site_dir: Path | str, source: Path | None = None) -> Path:
    """The resolved site folder, or :class:`SiteDirError` saying why it must not be replaced.

    Refused: an empty name, ``/``, the current folder, the home folder, a repository
    root (it holds ``.git``), the project itself, the source folder, a folder holding
    the source or lying inside it, a file, and a folder holding anything without the
    marker of an earlier Parallax build.
    """
    if not str(site_dir).strip():
        raise SiteDirError("\"\": an empty name (an unset variable?)")
    path = Path(site_dir).resolve()
    shown = str(site_dir)
    if path == Path(path.anchor):
        raise SiteDirError(f"{shown}: is the root of the file system")
    if path in (Path.cwd().resolve(), Path.home().resolve()):
        raise SiteDirError(f"{shown}: is the current or the home folder")
    if path == ROOT or (path / ".git").exists():
        raise SiteDirError(f"{shown}: is the root of a repository")
    if source is not None:
        src = Path(source).resolve()
        if path == src:
            raise SiteDirError(f"{shown}: is the source folder")
        if src.is_relative_to(path):
            raise SiteDirError(f"{shown}: holds the source folder {source}")
        if path.is_relative_to(src):
            raise SiteDirError(f"{shown}: lies inside the source folder {source}")
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise SiteDirError(f"{shown}: is a file, not a site folder")
        try:
            names = {p.name for p in path.iterdir()}
        except OSError as err:
            raise SiteDirError(f"{shown}: cannot be listed ({err.strerror})") from err
        if names and MARKER not in names:
            raise SiteDirError(f"{shown}: holds files that Parallax did not write (no {MARKER} marker); "
                               f"choose an empty or new folder")
    return path


def site_is_current(site_dir: Path, data_files: Mapping[str, bytes], site_url: str | None = None) -> bool:
    """True when ``site_dir`` holds, intact, the site these data files, this code and this
    site url build."""
    from builder.cache import site_fingerprint

    try:
        stamp = json.loads((Path(site_dir) / MARKER).read_bytes())
        return (isinstance(stamp, dict) and stamp.get("built_from") == site_fingerprint(data_files, site_url)
                and stamp.get("files") == _tree_fingerprint(Path(site_dir)))
    except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8: rebuild
        return False


def _record_path(site_dir: Path, cache_dir: Path) -> Path:
    return cache_dir / "builds" / f"{hashlib.sha256(str(Path(site_dir).resolve()).encode()).hexdigest()[:32]}.json"


def recorded_build(site_dir: Path, cache_dir: Path, inputs: str, ledger: str) -> dict[str, Any] | None:
    """The record (``builder.pipeline``), kept in ``cache_dir``, of the build that made the site
    in ``site_dir``, where that build read these inputs (``builder.cache.input_fingerprint``),
    left the id ledger in this state, and the site is that build's and intact on disk (its
    marker as written, its files' paths and sizes as the marker lists them); None otherwise."""
    try:
        record = json.loads(_record_path(site_dir, cache_dir).read_bytes())
        if not (isinstance(record, dict) and record.get("inputs") == inputs and record.get("ledger") == ledger):
            return None
        marker = (Path(site_dir) / MARKER).read_bytes()
        if record.get("marker") != hashlib.sha256(marker).hexdigest():
            return None
        if json.loads(marker).get("files") == _tree_fingerprint(Path(site_dir)):
            return record
    except (OSError, ValueError, AttributeError):  # missing, unreadable, not JSON, not an object
        pass
    return None


def record_build(site_dir: Path, cache_dir: Path, marker: str | None, record: Mapping[str, Any] | None) -> None:
    """Keep ``record`` in ``cache_dir`` for the site in ``site_dir`` whose marker hashes to
    ``marker`` (None: the marker there now); without a record, forget the site's. Never fatal."""
    path = _record_path(site_dir, cache_dir)
    try:
        if record is None:
            path.unlink(missing_ok=True)
            return
        if marker is None:
            marker = hashlib.sha256((Path(site_dir) / MARKER).read_bytes()).hexdigest()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({**record, "marker": marker}, ensure_ascii=False).encode("utf-8"))
    except OSError:
        return


def _tree_fingerprint(folder: Path, states: dict[str, str] | None = None) -> str:
    """A hash of the files under ``folder`` (paths and sizes), the marker left out; with
    ``states``, each regular file's state (``mkdocs_hook.quick_state``) is put there by its
    site path, from the same walk."""
    if states is not None:
        from builder.mkdocs_hook import state_of  # a rebuild with nothing changed never imports mkdocs

    h = hashlib.sha256()

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as found:
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, f"{rel}{entry.name}/")
            elif entry.is_file() and entry.name != MARKER:
                found = entry.stat()
                h.update(f"{rel}{entry.name}\0{found.st_size}\n".encode("utf-8", "surrogateescape"))
                if states is not None and not entry.is_symlink():
                    states[f"{rel}{entry.name}"] = state_of(found)

    walk(str(folder), "")
    return h.hexdigest()


@contextlib.contextmanager
def _source_date(corpus: Corpus) -> Iterator[int]:
    """Pin mkdocs' build date (sitemap, gzip headers) to the newest article: no clock in output."""
    days = [a.published for a in corpus.articles if a.published]
    epoch = 0
    if days:
        newest = datetime.combine(max(days), time(), tzinfo=timezone.utc)
        epoch = min(max(int(newest.timestamp()), _EPOCH_RANGE[0]), _EPOCH_RANGE[1])
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield epoch
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_site(corpus: Corpus, site_dir: Path, *, data_files: Mapping[str, bytes],
               strict: bool = False, config_file: Path | None = None, source: Path | None = None,
               site_url: str | None = None, files_state: Path | None = None) -> str:
    """Render ``corpus`` into ``site_dir``; a failed build leaves the previous site as it was.

    1. refuse a site folder Parallax may not replace; remove what killed builds left;
    2. build into a fresh folder next to ``site_dir`` (permissions from the umask);
    3. index it for search (Pagefind): only the pages that differ from the previous site's
       search base, where there is one (``builder.search``);
    4. write the marker, rename the old site aside and the new one into place, delete the old one.

    ``site_url`` (else ``site_url`` in mkdocs.yml) is where the site will be published:
    with it, pages carry canonical links and ``sitemap.xml`` lists every page.
    ``files_state`` (in the cache, :func:`files_state_path`) keeps the state this build
    leaves the site's files in, for the next build's quick check. Returns the hash of the
    marker written (``record_build``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from builder import mkdocs_hook
    from builder.cache import site_fingerprint

    site_dir = check_site_dir(site_dir, source)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site_dir)
    staging = _fresh_folder(site_dir, "new")
    try:
        with _source_date(corpus) as epoch:
            salt = f"{site_fingerprint({}, site_url)}\0{epoch}\0{hashlib.sha256(Path(config_file or CONFIG).read_bytes()).hexdigest()}"
            pages, stories = _previous_pages(site_dir, salt)
            quick, generated = _previous_files(site_dir, files_state) if pages else ({}, {})
            reuse = mkdocs_hook.Reuse(site_dir, staging, salt, pages, stories_earlier=stories,
                                      quick_earlier=quick, generated_earlier=generated)
            with mkdocs_hook.supplied(corpus, data_files, reuse), _quiet():
                overrides = {"site_url": site_url} if site_url else {}
                config = load_config(str(config_file or CONFIG), site_dir=str(staging), strict=strict,
                                     **overrides)
                build(config, dirty=bool(reuse.earlier))
        index_search(staging, site_dir if (site_dir / MARKER).is_file() else None)
        states: dict[str, str] = {}
        stamp = {"built_from": site_fingerprint(data_files, site_url), "files": _tree_fingerprint(staging, states),
                 "salt": hashlib.sha256(salt.encode()).hexdigest(),
                 "pages": {k: list(v) for k, v in sorted(reuse.now.items()) if v[1]},
                 "stories": dict(sorted(reuse.stories_now.items()))}
        marker = (json.dumps(stamp, separators=(",", ":")) + "\n").encode()
        write_atomic(staging / MARKER, marker)
        check_site_dir(site_dir, source)  # still ours (nobody filled it while we built)
        files = {"quick": {uri: states[uri] for uri in sorted(set(reuse.written)) if uri in states},
                 "generated": reuse.generated_now}
        _swap(staging, site_dir)
        if files_state is not None:
            with contextlib.suppress(OSError):  # only the next build's shortcut
                files_state.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(files_state, json.dumps({"marker": hashlib.sha256(marker).hexdigest(), **files},
                                                     sort_keys=True).encode("utf-8"))
        return hashlib.sha256(marker).hexdigest()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _previous_pages(site_dir: Path, salt: str) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """What of the site in ``site_dir`` a build with this salt may reuse: its pages (source
    path -> (hash of the page's inputs, hash of the file written)) and its stories (id ->
    hash of the story's inputs). Empty where there is no earlier site, or it was built by
    other code or config."""
    try:
        stamp = json.loads((site_dir / MARKER).read_bytes())
        if stamp.get("salt") != hashlib.sha256(salt.encode()).hexdigest():
            return {}, {}
        pages = {str(k): (str(v[0]), str(v[1])) for k, v in stamp.get("pages", {}).items()}
        stories = {str(k): str(v) for k, v in stamp.get("stories", {}).items()}
        return pages, stories
    except (OSError, ValueError, AttributeError, TypeError, IndexError):
        return {}, {}


def files_state_path(site_dir: Path, cache_dir: Path) -> Path:
    """Where, in ``cache_dir``, a build keeps the state it left the files of ``site_dir`` in."""
    return _record_path(site_dir, cache_dir).with_suffix(".files.json")


def _previous_files(site_dir: Path, files_state: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """The state the build of the site in ``site_dir`` left its files in (site path -> size,
    modification time and inode: ``mkdocs_hook.quick_state``) and the hash of each data file
    and redirect page it wrote (site path -> hash), from ``files_state``, where that file
    describes this very site (its marker); empty otherwise. Kept out of the site, whose
    bytes must not depend on the machine: a rebuild reads a file in that state as intact
    instead of reading its bytes."""
    if files_state is None:
        return {}, {}
    try:
        state = json.loads(files_state.read_bytes())
        if state.get("marker") != hashlib.sha256((site_dir / MARKER).read_bytes()).hexdigest():
            return {}, {}
        return ({str(k): str(v) for k, v in state.get("quick", {}).items()},
                {str(k): str(v) for k, v in state.get("generated", {}).items()})
    except (OSError, ValueError, AttributeError, TypeError):
        return {}, {}


def _fresh_folder(site_dir: Path, kind: str) -> Path:
    """``.<site>.<kind>-<pid>-<token>`` beside the site, created with the umask's permissions."""
    while True:
        path = site_dir.with_name(f".{site_dir.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def remove_stale(site_dir: Path) -> None:
    """Delete the ``.<site>.new-*`` and ``.<site>.old-*`` folders of builds that are no longer running."""
    for kind in ("new", "old"):
        for path in site_dir.parent.glob(f".{glob.escape(site_dir.name)}.{kind}-*"):
            pid = path.name.rsplit(f".{kind}-", 1)[1].split("-", 1)[0]
            if path.is_dir() and not path.is_symlink() and not _running(pid):
                shutil.rmtree(path, ignore_errors=True)


def _running(pid: str) -> bool:
    """Whether the build whose process id a staging folder carries is still running."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(new: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = _fresh_folder(site_dir, "old")
        os.replace(site_dir, old)  # an empty folder: rename over it
    os.replace(new, site_dir)
    if old is not None:
        _delete_later(old)


# Deletes a previous site, detached from the build: the build returns once the new site is
# in place (a site of 1,000 articles is 16,000 folders; deleting them took a quarter of a
# rebuild). The deleter first renames the folder to carry its own process id, so a build
# starting meanwhile leaves it alone (remove_stale); should it die, the next build deletes
# what is left.
_DELETER = """import os, secrets, shutil, sys
folder, prefix = sys.argv[1:]
mine = f"{prefix}{os.getpid()}-{secrets.token_hex(4)}"
try:
    os.replace(folder, mine)
except OSError:
    sys.exit()
shutil.rmtree(mine, ignore_errors=True)
"""


def _delete_later(folder: Path) -> None:
    """Delete ``folder`` (``.<site>.old-...``, renamed aside) in a process of its own."""
    prefix = str(folder)[:str(folder).rindex(".old-") + len(".old-")]
    try:
        subprocess.Popen([sys.executable, "-c", _DELETER, str(folder), prefix], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no process to spare: delete it here
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """mkdocs logs every build at INFO; keep warnings (strict mode counts them itself), but
    the one a dirty build logs: here it is the incremental build, whose pages are exact."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    builds = logging.getLogger("mkdocs.commands.build")
    builds.addFilter(_not_dirty_warning)
    try:
        yield
    finally:
        logger.setLevel(level)
        builds.removeFilter(_not_dirty_warning)


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")
