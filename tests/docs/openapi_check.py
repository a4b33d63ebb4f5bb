#!/usr/bin/python3
"""Checks docs/openapi.json against the routes the web app registers.

Usage: openapi_check.py SOURCE_DIR

1. Structure: the file is JSON, "openapi" is 3.1.x, "info" has a title and version, every path
   starts with "/", every operation has "responses" with at least one status, every path
   parameter in a path template is declared with "in": "path", and every "$ref" resolves to a
   place in the document.
2. Coverage: every "/api/..." route registered in adapters/**/*.cpp (in practice adapters/web:
   router.get/post/put/patch/delete/add/add_async calls with a string literal, or with
   fmt::format over a table of path segments such as proposal_pages.cpp's kActions) is
   documented with that method, and every documented /api operation is registered. A router
   call with an /api literal that none of these patterns understands is reported too.

Prints every problem and exits 1 when there is any; stdlib only.
"""

import json
import pathlib
import re
import sys

METHODS = ("get", "post", "put", "patch", "delete")

# router.get("/api/x", ...), router.add("POST", "/api/x", ...), router.add_async(...)
LITERAL_ROUTE = re.compile(
    r"\b\w+\s*(?:\.|->)\s*(get|post|put|patch|delete)\s*\(\s*\"(/api/[^\"]*)\"", re.S)
ADD_ROUTE = re.compile(
    r"\b\w+\s*(?:\.|->)\s*add(?:_async)?\s*\(\s*\"([A-Z]+)\"\s*,\s*\"(/api/[^\"]*)\"", re.S)
# router.post(fmt::format("/api/voorstellen/{{id}}/{}", info.path), ...)
FORMAT_ROUTE = re.compile(
    r"\b\w+\s*(?:\.|->)\s*(get|post|put|patch|delete)\s*\(\s*fmt::format\(\s*\"(/api/[^\"]*)\"\s*,"
    r"\s*(\w+)\.(\w+)\s*\)", re.S)
# A table the format's argument comes from: `for (const ActionInfo& info : kActions)`.
LOOP = r"for\s*\(\s*(?:const\s+)?[\w:]+\s*&?\s*{var}\s*:\s*(\w+)\s*\)"


def table_segments(text, var):
    """The first string literal of each `{...}` entry of the table `var` loops over."""
    loop = re.search(LOOP.format(var=re.escape(var)), text)
    if not loop:
        return None
    table = re.search(re.escape(loop.group(1)) + r"\s*\[\s*\]\s*=\s*\{(.*?)\};", text, re.S)
    if not table:
        return None
    entries = re.findall(r"\{([^{}]*)\}", table.group(1))
    out = []
    for entry in entries:
        literal = re.search(r"\"([^\"]*)\"", entry)
        if literal:
            out.append(literal.group(1))
    return out or None


def registered_routes(source_dir, problems):
    routes = set()
    for cpp in sorted((source_dir / "adapters").glob("**/*.cpp")):
        text = cpp.read_text(encoding="utf-8")
        rel = cpp.relative_to(source_dir)
        seen = set()  # offsets of the route literals recognised below
        for m in LITERAL_ROUTE.finditer(text):
            routes.add((m.group(1).lower(), m.group(2)))
            seen.add(m.start(2))
        for m in ADD_ROUTE.finditer(text):
            routes.add((m.group(1).lower(), m.group(2)))
            seen.add(m.start(2))
        for m in FORMAT_ROUTE.finditer(text):
            method, fmt, var = m.group(1), m.group(2), m.group(3)
            seen.add(m.start(2))
            segments = table_segments(text, var)
            if segments is None:
                problems.append(f"{rel}: cannot expand route {fmt!r} (no table for {var!r})")
                continue
            for segment in segments:
                routes.add((method.lower(), fmt.replace("{}", segment, 1)
                            .replace("{{", "{").replace("}}", "}")))
        # Any other /api literal in a router call that the patterns above missed.
        for m in re.finditer(r"(?:\.|->)\s*(?:get|post|put|patch|delete|add|add_async)\s*\(", text):
            end = text.find(";", m.end())
            at = text.find("\"/api", m.end(), end if end >= 0 else len(text))
            if at < 0 or at + 1 in seen:
                continue
            call = " ".join(text[m.start():end].split())[:120]
            problems.append(f"{rel}: unrecognised /api route registration: {call}")
    return routes


def resolve_ref(doc, ref):
    if not ref.startswith("#/"):
        return False
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def walk_refs(node, where, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out.append((where, value))
            else:
                walk_refs(value, f"{where}/{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk_refs(value, f"{where}/{i}", out)


def param_of(doc, p):
    if isinstance(p, dict) and "$ref" in p and resolve_ref(doc, p["$ref"]):
        node = doc
        for part in p["$ref"][2:].split("/"):
            node = node[part]
        return node
    return p


def check_structure(doc, problems):
    if not isinstance(doc, dict):
        problems.append("openapi.json: the document is not a JSON object")
        return
    if not str(doc.get("openapi", "")).startswith("3.1"):
        problems.append(f"/openapi: expected 3.1.x, found {doc.get('openapi')!r}")
    info = doc.get("info")
    if not isinstance(info, dict) or not info.get("title") or not info.get("version"):
        problems.append("/info: title and version are required")
    paths = doc.get("paths")
    if not isinstance(paths, dict) or not paths:
        problems.append("/paths: missing or empty")
        paths = {}
    for path, item in paths.items():
        if not path.startswith("/"):
            problems.append(f"/paths/{path}: must start with '/'")
        if not isinstance(item, dict):
            problems.append(f"/paths/{path}: not an object")
            continue
        template_params = set(re.findall(r"\{([^}]+)\}", path))
        common = [param_of(doc, p) for p in item.get("parameters", [])]
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            where = f"/paths/{path}/{method}"
            responses = op.get("responses")
            if not isinstance(responses, dict) or not responses:
                problems.append(f"{where}: no responses")
            else:
                for status in responses:
                    if not re.fullmatch(r"[1-5][0-9][0-9]|[1-5]XX|default", status):
                        problems.append(f"{where}/responses/{status}: not a status code")
            if not op.get("operationId"):
                problems.append(f"{where}: no operationId")
            declared = {p.get("name") for p in common + [param_of(doc, q)
                                                         for q in op.get("parameters", [])]
                        if isinstance(p, dict) and p.get("in") == "path"}
            for name in sorted(template_params - declared):
                problems.append(f"{where}: path parameter {{{name}}} is not declared")
            for name in sorted(declared - template_params):
                problems.append(f"{where}: declares path parameter {name!r} not in the path")
    refs = []
    walk_refs(doc, "", refs)
    for where, ref in refs:
        if not resolve_ref(doc, ref):
            problems.append(f"{where or '/'}: $ref {ref!r} does not resolve")
    schemes = doc.get("components", {}).get("securitySchemes", {})
    for i, requirement in enumerate(doc.get("security", [])):
        for name in requirement:
            if name not in schemes:
                problems.append(f"/security/{i}: unknown security scheme {name!r}")


def main():
    if len(sys.argv) != 2:
        print("usage: openapi_check.py SOURCE_DIR", file=sys.stderr)
        return 2
    source_dir = pathlib.Path(sys.argv[1]).resolve()
    spec_file = source_dir / "docs" / "openapi.json"
    problems = []
    try:
        doc = json.loads(spec_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{spec_file}: {e}")
        return 1
    check_structure(doc, problems)

    routes = registered_routes(source_dir, problems)
    documented = set()
    for path, item in (doc.get("paths") or {}).items():
        if not path.startswith("/api/") or not isinstance(item, dict):
            continue
        for method in METHODS:
            if method in item:
                documented.add((method, path))
    for method, path in sorted(routes - documented):
        problems.append(f"missing in docs/openapi.json: {method.upper()} {path}")
    for method, path in sorted(documented - routes):
        problems.append(f"documented but not registered in adapters/: {method.upper()} {path}")

    for p in problems:
        print(p)
    if problems:
        print(f"openapi_check: {len(problems)} problem(s)")
        return 1
    print(f"openapi_check: ok ({len(routes)} /api operations registered and documented)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
