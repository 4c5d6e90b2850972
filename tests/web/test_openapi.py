"""/api/* against its own OpenAPI description, with schemathesis generating the requests.

schemathesis 4.32's pytest plugin reads a pytest internal that pytest 9 removed, so each
operation is run here through its hypothesis strategy directly: the same generation and checks.
"""

from __future__ import annotations

import re
import sys

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings

from calsvc.catalogue.selection import FILTERS, SPACES
from calsvc.web.openapi import _words_pattern

OPERATIONS = ["/api/conferences", "/api/tracks", "/api/kinds", "/api/events"]


@pytest.mark.slow
@pytest.mark.parametrize("path", OPERATIONS)
def test_api_answers_as_its_openapi_description_says(app: Flask, path: str) -> None:
    operation = schemathesis.openapi.from_wsgi("/api/openapi.json", app)[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    def answers_as_described(case: schemathesis.Case) -> None:
        case.call_and_validate()

    answers_as_described()


def test_openapi_describes_every_api_route_and_filter(reader: FlaskClient) -> None:
    document = reader.get("/api/openapi.json").json

    paths = {path: [p["name"] for p in operation["get"].get("parameters", [])]
             for path, operation in document["paths"].items()}  # type: ignore[index]  # fmt: skip
    assert paths == {"/api/conferences": [], "/api/tracks": list(FILTERS), "/api/kinds": list(FILTERS),
                     "/api/events": list(FILTERS)}  # fmt: skip
    assert document["components"]["schemas"]["Event"]["properties"]["kind"] == {"type": "string"}  # type: ignore[index]


def test_the_word_pattern_splits_where_str_split_does() -> None:
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == SPACES
    pattern = re.compile(_words_pattern(3))
    texts = ["a b c", " a\x1db\x85c ", "a b c d", "a\x1eb\u3000c\td", "abc\xa0"]
    assert [t for t in texts if pattern.fullmatch(t)] == ["a b c", " a\x1db\x85c ", "abc\xa0"]
