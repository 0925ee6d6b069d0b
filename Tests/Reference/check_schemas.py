#!/usr/bin/env python3
"""Validates the shipped configuration files against schemas/ with an independent JSON Schema
implementation (the `jsonschema` package), as an editor would. Exit 1 on any failure."""
import glob, json, sys
import jsonschema, yaml

KINDS = {"product": "products/*.yaml", "calendar": "policies/calendars/*.yaml", "workflow": "workflows/*.yaml",
         "policy": "policies/*.yaml", "policy-tests": "policies/tests/*.yaml",
         "application-model": "policies/application-model.yaml",
         "asset-classification": "policies/asset-classification.yaml", "accounting": "policies/accounting.yaml",
         "roles": "policies/roles.yaml", "integrations": "policies/integrations.yaml"}
# Files a wider pattern matches that have a kind of their own.
OWN_KIND = {"policies/application-model.yaml": "application-model",
            "policies/asset-classification.yaml": "asset-classification", "policies/accounting.yaml": "accounting",
            "policies/roles.yaml": "roles", "policies/integrations.yaml": "integrations"}

def typed(x):
    # The loaders read scalars as text; give the validator YAML 1.2 core types for ints and booleans.
    if isinstance(x, dict): return {k: typed(v) for k, v in x.items()}
    if isinstance(x, list): return [typed(v) for v in x]
    if x in ("true", "false"): return x == "true"
    try: return int(x)
    except ValueError: return x

failures = 0
checked = 0
for kind, pattern in KINDS.items():
    schema = json.load(open(f"schemas/{kind}.schema.json"))
    for path in sorted(glob.glob(pattern)):
        if OWN_KIND.get(path, kind) != kind:
            continue
        checked += 1
        try:
            jsonschema.validate(typed(yaml.load(open(path), Loader=yaml.BaseLoader)), schema)
        except jsonschema.ValidationError as e:
            failures += 1
            print(f"{path}: {e.message} at {list(e.path)}")
print(f"schemas: {checked - failures} of {checked} shipped files valid")
sys.exit(1 if failures else 0)
