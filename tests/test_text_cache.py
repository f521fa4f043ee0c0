from converter.text_cache import CACHED_CHARS, short_text_cache


def test_short_strings_are_computed_once_and_long_ones_every_time_never_kept():
    calls: list[str] = []

    @short_text_cache(maxsize=8)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "a" * 10, "b" * (CACHED_CHARS + 1)
    assert length(short) == length(short) == 10
    assert calls == [short]
    assert length(long) == length(long) == CACHED_CHARS + 1
    assert calls == [short, long, long]
