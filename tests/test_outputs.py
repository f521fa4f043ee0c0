"""Outputs are written whole, and readable as any file the user makes is (their umask decides)."""

import os

from converter.outputs import write_outputs


def test_outputs_take_the_mode_the_users_umask_gives_new_files(tmp_path):
    old = os.umask(0o022)
    try:
        (written,) = write_outputs({"a.htm": b"<html/>"}, tmp_path)
        os.umask(0o077)
        (private,) = write_outputs({"b.htm": b"<html/>"}, tmp_path)
    finally:
        os.umask(old)
    assert written.stat().st_mode & 0o777 == 0o644
    assert private.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.htm", "b.htm"]  # no temporary file left
