"""The collector pause restores the collector's state, even when the block fails."""

from __future__ import annotations

import gc

import pytest

from factlint.bulk import collector_paused


def test_the_collector_is_off_inside_and_back_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
