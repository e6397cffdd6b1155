"""The exported JSON Schema: current, in Chinese, and it accepts the bundled records and refuses bad ones."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.jsonschema import GLOBS, schema_files, vscode_settings

from .conftest import REPO


def test_committed_schemas_and_vscode_settings_are_current():
    for name, text in schema_files().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `python -m generator schema`"
        )
    assert (REPO / ".vscode/settings.json").read_text(encoding="utf-8") == vscode_settings()


def as_json(value):
    """YAML as the editor's YAML extension sees it: dates are strings, keys are strings."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("kind", sorted(GLOBS))
def test_every_bundled_record_is_valid_against_its_schema(kind):
    schema = json.loads(schema_files()[f"{kind}.schema.json"])
    files = sorted(REPO.glob(GLOBS[kind]))
    if kind == "calendar":
        assert files == []  # the package knows the bundled years
        return
    assert files
    for path in files:
        jsonschema.validate(as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), schema)


def test_schema_refuses_unknown_fields_and_values_outside_the_choices():
    schema = json.loads(schema_files()["person.schema.json"])
    record = as_json(yaml.safe_load((REPO / "site_data/2023/people/nong-jianguo.yml").read_text(encoding="utf-8")))
    with pytest.raises(jsonschema.ValidationError, match="工人先锋"):
        jsonschema.validate({**record, "honour": "工人先锋"}, schema)
    with pytest.raises(jsonschema.ValidationError, match="nmae"):
        jsonschema.validate({**record, "nmae": "x"}, schema)
    assert schema["properties"]["honour"]["title"] == "荣誉"
