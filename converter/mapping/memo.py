"""Remember what is derived from objects a process keeps for many filings (the loaded taxonomy,
the mapping rules): a batch worker converts thousands of filings against the same ones."""

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MAX_REMEMBERED = 4


def per_object(function: Callable[..., T]) -> Callable[..., T]:
    """Call `function` once per combination of argument objects (by identity, not equality: a
    taxonomy dict of 18,000 concepts is not hashed), keeping those objects alive so that their
    ids stay theirs. The arguments must not change afterwards."""
    remembered: dict[tuple[int, ...], tuple[tuple, T]] = {}

    @functools.wraps(function)
    def wrapper(*objects) -> T:
        key = tuple(map(id, objects))
        hit = remembered.get(key)
        if hit is None:
            if len(remembered) >= MAX_REMEMBERED:
                remembered.clear()
            hit = remembered[key] = (objects, function(*objects))
        return hit[1]

    return wrapper
