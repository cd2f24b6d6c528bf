"""Every API answer the suite sees is checked against the OpenAPI document.

The views (`comments/api.py`, `accounts/api.py`) and the document (`comments/openapi.py`)
are written by hand, side by side. So that they cannot drift apart, `Client.request`
(under every Django test client: the `client` fixture and any `Client()` a test builds)
hands each answer under /api/v1/ (except the document itself) to `check`:

- its path and method name an operation of the document, and its status is one that
  operation documents (or `default`);
- where that answer has a JSON body, it is JSON and validates against the schema, `$ref`s
  resolved and formats (date-time) checked; objects are closed here, so a field the code
  sends and the document does not name is drift too (the document stays open for clients);
- where that answer has no body, there is none; documented integer headers are integers;
- a method the document does not list on a known path is a 405 in the error shape, whose
  Allow header names exactly the documented methods; a path the document does not
  describe is a 404 in the error shape.

A mismatch raises `Drift` in the test that made the request, naming the operation, the
status and what is wrong; a test that swallows it still fails at the end. The session's
summary says how many answers were checked and which documented answers none exercised.
"""

import json
import re
from collections import Counter
from functools import cache

import jsonschema_rs
import pytest
from django.test.client import Client

PREFIX = "/api/v1"
DOCUMENT_PATH = f"{PREFIX}/openapi.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_ERRORS_SHOWN = 5


class Drift(AssertionError):
    """An API answer that the OpenAPI document does not describe."""


class Contract:
    """The document's operations, with a validator for each documented answer's body."""

    def __init__(self, document):
        self.document = document
        self.components = closed(json.loads(json.dumps(document.get("components", {}))))
        self.paths = sorted(
            (
                (template_pattern(template, item), template, item)
                for template, item in document["paths"].items()
            ),
            key=lambda entry: "{" in entry[1],  # literal paths before templated ones
        )
        self.validators = {}
        self.seen = Counter()

    def operation(self, path):
        """The document's (template, path item) for a request path under PREFIX, or None."""
        for pattern, template, item in self.paths:
            if pattern.fullmatch(path):
                return template, item
        return None

    def validator(self, schema):
        key = json.dumps(schema, sort_keys=True)
        if key not in self.validators:
            wrapped = {"allOf": [closed(json.loads(key))], "components": self.components}
            self.validators[key] = jsonschema_rs.Draft202012Validator(
                wrapped, validate_formats=True
            )
        return self.validators[key]

    def check(self, method, path, response):
        """Raise Drift unless `response` to `method path` is one the document describes."""
        __tracebackhide__ = True
        method = method.lower()
        found = self.operation(path[len(PREFIX) :])
        status = response.status_code
        if found is None:
            self.expect_error(
                f"{method.upper()} {path}", response, 404, "a path it does not describe"
            )
            return
        template, item = found
        label = f"{method.upper()} {template}"
        documented = [name for name in METHODS if name in item]
        if method not in item:
            self.expect_error(label, response, 405, "a method it does not list")
            allowed = {name.strip().lower() for name in response.get("Allow", "").split(",")}
            if allowed != set(documented):
                raise Drift(
                    f"{label}: the Allow header says {response.get('Allow')!r}, the document "
                    f"lists {', '.join(name.upper() for name in documented)}"
                )
            return
        answers = item[method]["responses"]
        key = str(status) if str(status) in answers else f"{str(status)[0]}XX"
        key = key if key in answers else "default"
        if key not in answers:
            raise Drift(
                f"{label} answered {status}, which the document does not list "
                f"(it lists {', '.join(answers)}); body: {preview(response)}"
            )
        self.seen[(label, key)] += 1
        self.check_answer(f"{label} → {status}", answers[key], response, head=method == "head")

    def check_answer(self, label, answer, response, *, head=False):
        __tracebackhide__ = True
        for name, header in answer.get("headers", {}).items():
            value = response.get(name)
            if value is None:
                if header.get("required"):
                    raise Drift(f"{label}: the documented header {name} is missing")
            elif header.get("schema", {}).get("type") == "integer" and not re.fullmatch(
                r"-?[0-9]+", value
            ):
                raise Drift(f"{label}: header {name} is {value!r}, documented as an integer")
        content = answer.get("content")
        if getattr(response, "streaming", False) or head:
            return
        if not content:
            if response.content:
                raise Drift(
                    f"{label}: the document gives this answer no body, but it has one: "
                    f"{preview(response)}"
                )
            return
        media = response.get("Content-Type", "").split(";")[0].strip().lower()
        if media not in content:
            raise Drift(
                f"{label}: Content-Type is {media or 'missing'}, the document says "
                f"{' or '.join(content)}; body: {preview(response)}"
            )
        schema = content[media].get("schema")
        if schema is None or not media.endswith("json"):
            return
        try:
            body = json.loads(response.content)
        except ValueError as error:
            raise Drift(f"{label}: the body is not JSON ({error}): {preview(response)}") from None
        errors = list(self.validator(schema).iter_errors(body))
        if errors:
            shown = "\n".join(
                f"  at /{'/'.join(map(str, error.instance_path))}: {error.message}"
                for error in errors[:MAX_ERRORS_SHOWN]
            )
            more = len(errors) - MAX_ERRORS_SHOWN
            raise Drift(
                f"{label}: the body does not match the document's schema:\n{shown}"
                + (f"\n  … and {more} more" if more > 0 else "")
                + f"\nbody: {preview(response)}"
            )

    def expect_error(self, label, response, status, what):
        """The answer to something the document does not describe: `status`, error shape."""
        __tracebackhide__ = True
        if response.status_code != status:
            raise Drift(
                f"{label}: the document does not describe this request ({what}), so the "
                f"answer must be a {status} in the error shape, not {response.status_code}: "
                f"{preview(response)}"
            )
        error = {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        }
        self.check_answer(f"{label} → {status}", error, response)


def template_pattern(template, item):
    """`/comments/{comment_id}` as a regular expression: one path segment per name, digits
    only where the parameter is an integer (`/comments/abc` is no comment's path)."""
    parameters = [
        *item.get("parameters", []),
        *(p for method in METHODS for p in item.get(method, {}).get("parameters", [])),
    ]
    integers = {
        p["name"] for p in parameters if p["in"] == "path" and p["schema"].get("type") == "integer"
    }
    parts = re.split(r"\{([^}/]+)\}", template)
    return re.compile(
        "".join(
            re.escape(part) if index % 2 == 0 else ("[0-9]+" if part in integers else "[^/]+")
            for index, part in enumerate(parts)
        )
    )


def closed(schema):
    """`schema` with every object that names its properties closed to any others.

    The document leaves objects open so that clients tolerate new fields; the suite holds
    the code to it, so that a field the views send and the document does not name fails.
    """
    if isinstance(schema, dict):
        if "properties" in schema:
            schema.setdefault("additionalProperties", False)
            for sub in schema["properties"].values():
                closed(sub)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(schema.get(key), dict):
                closed(schema[key])
        for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            for sub in schema.get(key, []):
                closed(sub)
        for section in ("schemas", "$defs"):
            for sub in schema.get(section, {}).values():
                closed(sub)
    return schema


def preview(response, limit=300):
    text = (response.content or b"").decode("utf-8", "replace")
    return repr(text if len(text) <= limit else text[:limit] + "…")


@cache
def contract():
    from dateline.comments.openapi import build  # after Django is set up

    return Contract(build())


# The suite's record: answers checked, and drift found in the running test (kept even when
# the test catches the exception, so that it still fails).
CHECKED = Counter()
RUNNING = {"drift": None}
original_request = Client.request


def checked_request(self, **request):
    __tracebackhide__ = True
    response = original_request(self, **request)
    path = response.request.get("PATH_INFO", "")
    if path.startswith(f"{PREFIX}/") and path != DOCUMENT_PATH:
        try:
            contract().check(response.request["REQUEST_METHOD"], path, response)
        except Drift as drift:
            if RUNNING["drift"] is not None:
                RUNNING["drift"].append(str(drift))
            raise
        finally:
            CHECKED["answers"] += 1
    return response


def pytest_configure(config):
    Client.request = checked_request


def pytest_unconfigure(config):
    Client.request = original_request


@pytest.fixture(autouse=True)
def api_drift():
    """Drift found in this test; a test that means to cause it clears this list."""
    RUNNING["drift"] = found = []
    yield found
    RUNNING["drift"] = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    found = item.funcargs.get("api_drift") if hasattr(item, "funcargs") else None
    if call.when == "call" and report.passed and found:
        report.outcome = "failed"
        report.longrepr = "API answers the OpenAPI document does not describe:\n\n" + "\n\n".join(
            found
        )
    return report


def pytest_terminal_summary(terminalreporter):
    if not CHECKED["answers"]:
        return
    seen = contract().seen
    documented = [
        (f"{method.upper()} {template}", key)
        for template, item in contract().document["paths"].items()
        for method in METHODS
        if method in item
        for key in item[method]["responses"]
    ]
    unseen = [f"{label} → {key}" for label, key in documented if not seen[(label, key)]]
    terminalreporter.write_line(
        f"API contract: {CHECKED['answers']} answer(s) under {PREFIX}/ checked against "
        f"the OpenAPI document; {len(documented) - len(unseen)} of {len(documented)} "
        "documented answers exercised"
    )
    if terminalreporter.config.getoption("verbose") > 0 and unseen:
        terminalreporter.write_line("  never exercised: " + ", ".join(unseen))
