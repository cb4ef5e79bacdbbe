"""Waiting in the browser tests for the state a step needs, never for a fixed time.

A fixed delay is either too short on a loaded machine (a flaky test) or too long on an
idle one (time lost on every run); these wait for the condition the delay stood for:
a chart whose drawing and animations have ended, a force layout that stopped moving, a
tooltip shown. ``page.wait_for_function`` would evaluate a string, which the dashboard's
CSP refuses, so conditions that only script can see are polled from Python.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

POLL_MS = 25  # between two looks at the page: a frame or two
TIMEOUT_S = 15.0  # as the pages' default timeout

# Two animation frames: a redraw that the last action asked for has begun by then.
NEXT_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Where the nodes of a graph chart are, in pixels (a force layout moves them).
NODE_PIXELS = """(sel) => {
  const c = echarts.getInstanceByDom(document.querySelector(sel));
  const data = c.getModel().getSeriesByIndex(0).getData();
  const out = [];
  for (let i = 0; i < data.count(); i++) {
    out.push(...c.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(i)));
  }
  return out;
}"""


def poll(pg, check: Callable[[], T], *, timeout_s: float, poll_ms: int = POLL_MS) -> T:
    """``check()``'s first true value, looked at every ``poll_ms``; after ``timeout_s``,
    its last value."""
    deadline = time.monotonic() + timeout_s
    while not (value := check()) and time.monotonic() < deadline:
        pg.wait_for_timeout(poll_ms)
    return value


def wait_until(pg, check: Callable[[], T], what: str, *, timeout_s: float = TIMEOUT_S,
               poll_ms: int = POLL_MS) -> T:
    """``check()``'s first true value; fails after ``timeout_s`` saying what was awaited."""
    value = poll(pg, check, timeout_s=timeout_s, poll_ms=poll_ms)
    if not value:
        raise AssertionError(f"waited {timeout_s:g} s for {what}")
    return value


def steady(pg, read: Callable[[], T], what: str, *, still_ms: int = 150) -> T:
    """``read()`` once it is true and the same twice ``still_ms`` apart (longer than the
    throttle of ECharts' zoom: 100 ms, so that a delayed last update has come)."""
    last: list[T] = []

    def same_again() -> bool:
        last.append(read())
        return bool(last[-1]) and len(last) > 1 and last[-1] == last[-2]

    wait_until(pg, same_again, what, poll_ms=still_ms)
    return last[-1]


def settled(pg, selector: str) -> None:
    """Wait until the chart at ``selector`` has drawn with no animation left: the
    ``data-settled`` the dashboard sets from ECharts' "finished" event."""
    pg.evaluate(NEXT_FRAMES)
    pg.wait_for_selector(f"{selector}[data-settled='1']")


def layout_still(pg, selector: str, *, within_px: float = 0.5, poll_ms: int = 100) -> None:
    """Wait until no node of the force-layout graph at ``selector`` moved more than
    ``within_px`` in ``poll_ms`` (the layout runs on timers, outside ECharts' "finished")."""
    last: list[list[float]] = []

    def still() -> bool:
        now = pg.evaluate(NODE_PIXELS, selector)
        moved = max((abs(a - b) for a, b in zip(now, last[-1])), default=0.0) if last else None
        last.append(now)
        return moved is not None and moved < within_px

    wait_until(pg, still, f"the layout of {selector} to stop moving", poll_ms=poll_ms)
