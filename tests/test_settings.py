"""Settings: layered defaults < environment < flags, and every setting documented."""

from pathlib import Path

from diplograph.settings import ENV_PREFIX, Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_described_and_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no description"
        assert f"{ENV_PREFIX}{name.upper()}" in readme, f"{name} is not in the README"


def test_environment_then_explicit_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("DIPLOGRAPH_MIN_CONFIDENCE", "0.7")
    monkeypatch.setenv("DIPLOGRAPH_ACTOR_FILES", f"{tmp_path / 'a.yaml'}:{tmp_path / 'b.yaml'}")
    settings = Settings.from_env()
    assert settings.min_confidence == 0.7
    assert settings.actor_files == [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    assert Settings.from_env(min_confidence=0.2).min_confidence == 0.2
    assert Settings.from_env(min_confidence=None).min_confidence == 0.7  # unset flag falls through
    assert Settings().min_confidence == 0.5
