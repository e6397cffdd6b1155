"""The exported JSON Schema: in Chinese, with the county's words, and it accepts the fixture's records and refuses bad ones."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.jsonschema import GLOBS, schema_files, vscode_settings, write_schemas
from generator.validate import read_settings

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def fixture_schemas() -> dict[str, str]:
    settings = read_settings(FIXTURE / "site_data", FIXTURE)
    assert settings is not None
    return schema_files(settings)


def test_written_schemas_and_vscode_settings(project):
    written = write_schemas(project)
    assert {p.name for p in written} >= {"person.schema.json", "settings.schema.json", "settings.json"}
    assert json.loads((project / ".vscode/settings.json").read_text(encoding="utf-8")) == json.loads(vscode_settings())
    person = json.loads((project / "schemas/person.schema.json").read_text(encoding="utf-8"))
    assert person["properties"]["honour"]["enum"][:2] == ["工人先锋岗", "技术能手"]


def test_schemas_take_the_countys_words(fixture_schemas):
    competition = json.loads(fixture_schemas["competition.schema.json"])
    assert competition["properties"]["township"]["enum"] == ["城厢镇", "那桐镇", "南圩镇"]
    campaign = json.loads(fixture_schemas["campaign.schema.json"])
    register = campaign["properties"]["register"]["items"]
    assert register["propertyNames"]["enum"] == ["township", "state_owned", "construction", "services", "private_and_small"]


def as_json(value):
    """YAML as the editor's YAML extension sees it: dates are strings, keys are strings."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("kind", sorted(GLOBS))
def test_every_fixture_record_is_valid_against_its_schema(kind, fixture_schemas):
    schema = json.loads(fixture_schemas[f"{kind}.schema.json"])
    files = sorted(FIXTURE.glob(GLOBS[kind]))
    if kind == "calendar":
        assert files == []  # the package knows the fixture's years
        return
    if kind == "announcement":
        assert files == []  # the fixture's 公示 are written by the tests that need them
        return
    assert files
    for path in files:
        jsonschema.validate(as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), schema)


def test_schema_refuses_unknown_fields_and_values_outside_the_choices(fixture_schemas):
    schema = json.loads(fixture_schemas["person.schema.json"])
    record = as_json(yaml.safe_load((FIXTURE / "site_data/2023/people/nong-ceshi.yml").read_text(encoding="utf-8")))
    with pytest.raises(jsonschema.ValidationError, match="工人先锋"):
        jsonschema.validate({**record, "honour": "工人先锋"}, schema)
    with pytest.raises(jsonschema.ValidationError, match="nmae"):
        jsonschema.validate({**record, "nmae": "x"}, schema)
    assert schema["properties"]["honour"]["title"] == "荣誉"
