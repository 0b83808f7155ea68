from __future__ import annotations

import pytest

from cadis.engines.screening import Screener, load_control_list_csv


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener.from_control_list(load_control_list_csv())


def cas_of(screener: Screener, description: str, **kwargs: str) -> list[str]:
    return [hit.cas for hit in screener.screen_line(description, **kwargs)]
