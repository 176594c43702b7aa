"""The outlet registry: sourced entries, matched on URL or publisher name, extended by a user file."""

import json

import pytest

from sourcewise import outlets
from sourcewise.errors import UsageError


def test_every_bundled_entry_cites_a_source():
    registry = outlets.load(None)
    assert registry.entries
    for entry in registry.entries:
        assert entry.outlet.source.strip(), entry.outlet.name
        assert entry.domains or entry.names


def test_bundled_sources_name_documents_not_remembered_urls():
    """A reviewer checks an entry against the statute or page it names; a URL typed from memory cannot be trusted."""
    for entry in outlets.load(None).entries:
        assert "http" not in entry.outlet.source and "www." not in entry.outlet.source, entry.outlet.name


def test_match_by_url_and_subdomain():
    registry = outlets.load(None)
    assert registry.lookup("https://www.bbc.co.uk/news/world-123").name == "BBC"
    assert registry.lookup("https://learningenglish.voanews.com/a/1.html").name == "Voice of America"
    assert registry.lookup("https://notbbc.co.uk.example.com/x") is None


def test_match_by_publisher_name_as_whole_words():
    registry = outlets.load(None)
    assert registry.lookup(None, "Deutsche Welle (English)").name == "Deutsche Welle"
    assert registry.lookup(None, "Smart Review") is None  # "RT" inside a word is not RT
    assert registry.lookup(None, "An unknown local paper") is None


def test_user_file_adds_and_replaces(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "outlets": [
                    {
                        "name": "Valley Courier",
                        "domains": ["valleycourier.example"],
                        "owner": "Valley Media Cooperative",
                        "funding": "reader subscriptions",
                        "affiliation": None,
                        "source": "the cooperative's annual report 2023",
                    },
                    {"name": "BBC", "domains": ["bbc.com"], "owner": "override", "source": "my notes"},
                ]
            }
        )
    )
    registry = outlets.load(str(path))
    assert registry.lookup("https://valleycourier.example/a").owner == "Valley Media Cooperative"
    assert registry.lookup("https://bbc.com/a").owner == "override"


@pytest.mark.parametrize("content", ["not json", json.dumps({"outlets": [{"name": "X"}]}), json.dumps([1, 2])])
def test_bad_user_file_is_a_coded_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(UsageError) as exc:
        outlets.load(str(path))
    assert exc.value.code == "SW403"


def test_report_carries_the_outlet(analyze):
    r = analyze("Strike on the port\n\nTwo people were killed.", url="https://www.dw.com/en/strike/a-1")
    assert r.framing.outlet is not None and r.framing.outlet.name == "Deutsche Welle"
    assert r.framing.sponsorship is None  # the registry never stands in for a disclosure


def test_cli_outlets_option_and_env(tmp_path, capsys, monkeypatch):
    from sourcewise.cli import main

    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": "Two people were killed.", "url": "https://valleycourier.example/x"}) + "\n")
    registry = tmp_path / "mine.json"
    registry.write_text(
        json.dumps({"outlets": [{"name": "Valley Courier", "domains": ["valleycourier.example"], "source": "notes"}]})
    )
    assert main(["analyze", str(article), "--format", "json", "--outlets", str(registry)]) == 0
    assert json.loads(capsys.readouterr().out)["framing"]["outlet"]["name"] == "Valley Courier"
    monkeypatch.setenv(outlets.ENV_VAR, str(tmp_path / "missing.json"))
    assert main(["analyze", str(article), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "SW403" in err and len(err.strip().splitlines()) == 1
