"""What the web tests share: the hostile document and the JSON Schema validator of every page."""
from __future__ import annotations

import json
from jsonschema import Draft202012Validator
from starlette.testclient import TestClient

from sourcetrace.web import Config, create_app

from sourcetrace.web.openapi import components

# A report whose text, title, outlet and URL try every way out of the page's markup.
HOSTILE_TEXT = (
    'HOSTILE report. <script>window.__pwned = 1</script> The ministry said 300 soldiers deserted in May. '
    '<img src=x onerror="window.__pwned = 2"> "><svg onload=window.__pwned=3> </script><script>window.__pwned=4</script> '
    "' onmouseover='window.__pwned=5' <a href=\"javascript:window.__pwned=6\">click</a> "
    '<iframe src="javascript:window.__pwned=7"></iframe> {{7*7}} ${7*7} \u202e'
)
HOSTILE = {"id": "hostile-1", "text": HOSTILE_TEXT, "title": '</title><script>window.__pwned=8</script>',
           "outlet": '"><script>window.__pwned=9</script>', "url": "javascript:window.__pwned=10",
           "published": "2025-06-01", "language": "en"}
HOSTILE_JSONL = json.dumps(HOSTILE) + "\n"


def validate(data: dict, schema_file: str) -> None:
    """Against the schema as the OpenAPI document has it (its references pointed at the components),
    which checks those references too."""
    name = schema_file.removesuffix(".json")
    root = {"$ref": f"#/components/schemas/{name}", "components": {"schemas": components()}}
    Draft202012Validator(root).validate(data)


def client_for(path, token=None, **settings) -> TestClient:
    """A client over the app on the store at ``path``; a failure is answered, not raised."""
    return TestClient(create_app(Config(db=path, token=token, settings=settings)), raise_server_exceptions=False)
