"""A bounded cache for pure functions of one short string."""

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
CACHED_CHARS = 1000  # longer strings (hostile input) are computed each time, never kept


def short_text_cache(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """functools.lru_cache for strings of at most CACHED_CHARS characters: a long-lived process (a
    batch worker) keeps at most `maxsize` short strings, whatever the filings it reads."""

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def short_cached(text: str) -> T:
            return cached(text) if len(text) <= CACHED_CHARS else function(text)

        return short_cached

    return decorate
