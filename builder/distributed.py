"""Extraction on a Dask distributed cluster: ``parallax build FOLDER --dask tcp://HOST:PORT``.

Extraction is per article and pure (an article in, its mentions out), so it is the
one stage worth sending to a cluster; alignment, rendering and mkdocs stay local.
Each article is one task; results stream back in the order they finish and the
caller caches each as it arrives, so a build interrupted halfway keeps what it got.
The workers need Parallax installed (``pip install 'parallax[dask]'``) in the same
version as the client: the cache key covers the extraction code, and a worker with
other code would fill the cache with results the client does not expect, so the
client checks every worker's code fingerprint before it sends anything.

Only this module imports ``distributed``; it is an optional extra.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from builder.models import Article, Mention


class ClusterError(Exception):
    """The cluster cannot be used: unreachable, no workers, or workers running other code."""


def _extract(article: Article) -> tuple[Mention, ...]:
    from builder.pipeline import extract_datable

    return extract_datable(article)


def _fingerprint() -> str:
    from builder.cache import code_fingerprint

    return code_fingerprint()


def extract_on_cluster(address: str, articles: Sequence[Article], *, timeout: float = 30
                       ) -> Iterator[tuple[Article, tuple[Mention, ...]]]:
    """Yield ``(article, mentions)`` for every article, as the cluster finishes them."""
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise ClusterError("--dask needs the dask extra: pip install 'parallax[dask]'") from e
    from builder.cache import code_fingerprint

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    try:
        theirs = client.run(_fingerprint)
        if not theirs:
            raise ClusterError(f"the Dask scheduler at {address} has no workers")
        mine = code_fingerprint()
        if stale := sorted(w for w, fp in theirs.items() if fp != mine):
            raise ClusterError(f"{len(stale)} Dask worker(s) run other Parallax code than this "
                               f"client (first: {stale[0]}): install the same version on them")
        of_future = {client.submit(_extract, article, pure=False): article for article in articles}
        for future in as_completed(of_future, loop=client.loop):
            yield of_future[future], future.result()
    finally:
        client.close()
