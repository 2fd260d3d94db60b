"""The test helpers' own contracts: the ports the browser tests' servers take."""

from __future__ import annotations

import socket

import pytest
from helpers import FIRST_PORT, PORTS_PER_WORKER, free_port


@pytest.mark.parametrize("worker", ["gw0", "gw1", "gw3"])
def test_each_worker_takes_ports_from_its_own_range(worker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    start = FIRST_PORT + int(worker[2:]) * PORTS_PER_WORKER
    ports = {free_port() for _ in range(30)}
    assert all(start <= p < start + PORTS_PER_WORKER for p in ports), sorted(ports)
    assert max(ports) < 32768  # below the kernel's ephemeral range, where outgoing connections take ports


def test_a_port_in_use_is_never_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw5")  # no worker of scripts/test.sh (at most 4)
    start = FIRST_PORT + 5 * PORTS_PER_WORKER
    held = []
    try:  # hold all but one port of the range: that one is the only answer
        for port in range(start, start + PORTS_PER_WORKER):
            if port == start + 777:
                continue
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                s.close()
                continue
            held.append(s)
        assert free_port() == start + 777
    finally:
        for s in held:
            s.close()
