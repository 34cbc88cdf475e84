"""The OpenAPI document of the JSON API, made from the route table and the same versioned JSON
Schemas the command line's outputs have (``model/schemas/``). Each schema file becomes a component,
its ``$defs`` components of their own, and every ``$ref`` is pointed at them."""
from __future__ import annotations

import functools
import json
import re
from importlib.resources import files

from ..version import __version__

ERROR = {"$ref": "#/components/schemas/page-error-1"}
NO_NUL = "^[^\\u0000]*$"
TYPES = {"string": {"type": "string"}, "integer": {"type": "integer"},
         "date": {"type": "string", "format": "date"},
         "month": {"type": "string", "pattern": r"^(?!0000)\d{4}-(0[1-9]|1[0-2])$"}}
# What each parameter takes beyond its type: what web/params.py checks, said here so that a request
# the document allows is one the server takes.
LIMITS = {"q": {"maxLength": 500, "pattern": NO_NUL}, "outlet": {"maxLength": 500, "pattern": NO_NUL},
          "language": {"maxLength": 20, "pattern": NO_NUL}, "indicator": {"maxLength": 100, "pattern": NO_NUL},
          "scope": {"maxLength": 100, "pattern": NO_NUL}, "claim": {"maxLength": 2000, "pattern": NO_NUL},
          "limit": {"minimum": 1, "maximum": 500}, "offset": {"minimum": 0, "maximum": 10**9}}
STATUS = {400: "A parameter is not valid (E706).", 404: "Nothing at this address (E700, E701, E707, E713, E404).",
          401: "The token is missing or wrong (E703).", 403: "Writes are off: no token is configured (E702).",
          411: "The upload did not say its length.", 413: "The upload is over a limit (E704, E705)."}


def document(pages) -> dict:
    paths = {_path(page.path) + ".json": {"get": _get(page)} for page in pages}
    paths["/ingest.json"] = {"post": _upload()}
    return {"openapi": "3.1.0",
            "info": {"title": "sourcetrace", "version": __version__,
                     "description": "Every page of `sourcetrace serve` as JSON: the address of the page with "
                                    "`.json`. Reading needs nothing; writing needs the server's bearer token."},
            "paths": paths,
            "components": {"schemas": components(),
                           "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}}}


def _path(path: str) -> str:
    return re.sub(r"\{(\w+):\w+\}", r"{\1}", path)


def _get(page) -> dict:
    return {"summary": page.summary, "operationId": _operation(page.path),
            "parameters": [_parameter(*p) for p in page.parameters],
            "responses": {"200": _json(page.summary, {"$ref": f"#/components/schemas/{page.schema[:-5]}"}),
                          **{str(s): _json(STATUS[s], ERROR) for s in (400, 404)}}}


def _operation(path: str) -> str:
    return "get_" + "_".join(re.findall(r"[a-z]+", _path(path).replace("{", "by_")))


def _parameter(name: str, where: str, kind: str, description: str) -> dict:
    schema = {**TYPES[kind], **(LIMITS.get(name, {}) if where == "query" else {})}
    if where == "path" and kind == "integer":
        schema.update(minimum=0, maximum=2**63 - 1)  # the store's ids
    return {"name": name, "in": where, "required": where == "path", "description": description, "schema": schema}


def _upload() -> dict:
    form = {"type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "token": {"type": "string", "description": "The token, when not sent as a bearer header."}}}
    return {"summary": "Upload files and start an ingest of them (the token only)", "operationId": "post_ingest",
            "security": [{"token": []}], "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": form}}},
            "responses": {"202": _json("The ingest, queued: poll its path + '.json'.",
                                       {"$ref": "#/components/schemas/page-ingest-1"}),
                          **{str(s): _json(STATUS[s], ERROR) for s in (400, 401, 403, 411, 413)}}}


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


@functools.lru_cache(maxsize=1)
def components() -> dict:
    found = {}
    for path in sorted(files("sourcetrace").joinpath("model", "schemas").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            name = path.name[:-5]
            schema = json.loads(path.read_text(encoding="utf-8"))
            for key, sub in schema.pop("$defs", {}).items():
                found[f"{name}__{key}"] = _pointed(sub, name)
            found[name] = _pointed({k: v for k, v in schema.items() if k not in ("$schema", "$id")}, name)
    return found


def _pointed(value, name: str):
    """``value`` with each ``$ref`` pointed at the components: '#/$defs/x' of schema ``name``, and
    'other-1.json' (another schema file), become '#/components/schemas/...'."""
    if isinstance(value, dict):
        return {k: _ref(v, name) if k == "$ref" else _pointed(v, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_pointed(v, name) for v in value]
    return value


def _ref(ref: str, name: str) -> str:
    target, _, pointer = ref.partition("#")
    owner = target[:-5] if target.endswith(".json") else name
    if pointer.startswith("/$defs/"):
        return f"#/components/schemas/{owner}__{pointer[len('/$defs/'):]}"
    return f"#/components/schemas/{owner}"
