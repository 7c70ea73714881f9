"""The caches' keys cover the packages that compute what is cached: a new spaCy model or
matching library invalidates cached mentions and story alignments."""

from __future__ import annotations

import pytest

from builder import cache


@pytest.fixture
def fresh_fingerprints():
    cache.code_fingerprint.cache_clear()
    cache.align_code_fingerprint.cache_clear()
    yield
    cache.code_fingerprint.cache_clear()
    cache.align_code_fingerprint.cache_clear()


def test_a_package_upgrade_changes_the_extraction_and_alignment_keys(monkeypatch, fresh_fingerprints) -> None:
    before = cache.code_fingerprint(), cache.align_code_fingerprint()
    assert "spacy=" in cache._package_versions() and "datasketch=" in cache._package_versions()
    upgraded = cache._package_versions().replace("spacy=", "spacy=9.9-")
    monkeypatch.setattr(cache, "_package_versions", lambda: upgraded)
    cache.code_fingerprint.cache_clear()
    cache.align_code_fingerprint.cache_clear()
    after = cache.code_fingerprint(), cache.align_code_fingerprint()
    assert after[0] != before[0] and after[1] != before[1]
