"""`sourcewise serve` as a user runs it: a real process on loopback, answering with the protective headers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sourcewise.cli import build_parser
from sourcewise.settings import Settings
from sourcewise.web.server import config_for

SOURCEWISE = str(Path(sys.executable).parent / "sourcewise")


def test_loopback_servers_answer_only_to_loopback_names():
    assert config_for("x.db", "127.0.0.1", None, 10, Settings()).allowed_hosts
    assert config_for("x.db", "::1", None, 10, Settings()).allowed_hosts
    assert config_for("x.db", "0.0.0.0", "tok", 10, Settings()).allowed_hosts is None


def test_serve_options_parse():
    args = build_parser().parse_args(["serve", "--db", "l.db", "--port", "9001", "--token", "t"])
    assert (args.db, args.host, args.port, args.token) == ("l.db", "127.0.0.1", 9001, "t")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_runs_and_stops(tmp_path):
    port = free_port()
    env = {**os.environ, "SOURCEWISE_TOKEN": "from-env"}
    proc = subprocess.Popen(
        [SOURCEWISE, "serve", "--db", str(tmp_path / "l.db"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as r:
                    headers = r.headers
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
        assert "default-src 'self'" in headers["content-security-policy"]
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/documents",
            data=b'{"text": "x"}',
            headers={"content-type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=5)
        assert err.value.code == 401  # the token came from $SOURCEWISE_TOKEN
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in stderr


def test_a_bad_port_is_a_usage_error(tmp_path):
    r = subprocess.run(
        [SOURCEWISE, "serve", "--db", str(tmp_path / "l.db"), "--port", "70000"], capture_output=True, text=True
    )
    assert r.returncode == 2 and "SW400" in r.stderr and "Traceback" not in r.stderr
