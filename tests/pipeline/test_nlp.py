from __future__ import annotations

import threading

import pytest

from tui.pipeline import nlp


def test_concurrent_first_calls_load_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    loads: list[str] = []
    started = threading.Barrier(4)
    real_load = spacy.load

    def counting_load(name: str) -> object:
        loads.append(name)
        return real_load(name)

    nlp._load.cache_clear()
    monkeypatch.setattr(spacy, "load", counting_load)

    def ask() -> None:
        started.wait()
        nlp.load()

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert loads == [nlp.MODEL_NAME]
