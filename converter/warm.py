"""Keep what a long-lived process loaded (rules, taxonomies, Arelle's base DTS) out of the
garbage collector's way before it forks workers or validating children."""

import gc


def freeze_loaded() -> None:
    """Move every object alive now to the collector's permanent generation (gc.freeze): children
    forked afterwards neither walk those objects in their collections (a full collection in a
    child walked the whole base taxonomy) nor copy their pages by touching them. Python's
    documentation recommends it for processes that fork after loading."""
    gc.collect()
    gc.freeze()
