"""Safe output: the build replaces only a folder that is a build output, and only on success."""

from __future__ import annotations

import pytest

from newsroom import output
from newsroom.errors import OutputError


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_an_ordinary_output_folder_may_be_replaced(project):
    output.check_replaceable(project / "output", project / "content")
    (project / "output").mkdir()
    (project / "output" / "index.html").write_text("old")
    output.check_replaceable(project / "output", project / "content")


@pytest.mark.parametrize("name", [".", "content"])
def test_the_project_or_its_content_is_never_an_output(project, name):
    with pytest.raises(OutputError) as refused:
        output.check_replaceable(project / name, project / "content")
    target, content = (project / name).resolve(), (project / "content").resolve()
    assert str(refused.value) == (
        f"newsroom: setting OUTPUT_PATH {str(target)!r} contains the content folder {str(content)!r}; refusing to replace it"
    )


def test_a_folder_holding_a_repository_is_refused(project):
    (project / "elsewhere" / ".git").mkdir(parents=True)
    target = (project / "elsewhere").resolve()
    with pytest.raises(OutputError) as refused:
        output.check_replaceable(project / "elsewhere", project / "content")
    assert str(refused.value) == f"newsroom: setting OUTPUT_PATH {str(target)!r} holds .git, so it is not a build output; refusing to replace it"


def test_a_folder_holding_a_project_file_is_refused(project):
    (project / "site").mkdir()
    (project / "site" / "pelicanconf.py").write_text("")
    with pytest.raises(OutputError, match="holds pelicanconf.py"):
        output.check_replaceable(project / "site", project / "content")


def test_replace_swaps_the_staging_folder_in(tmp_path):
    live, staging = tmp_path / "output", tmp_path / "output.staging"
    live.mkdir()
    (live / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    output.replace(live, staging)
    assert sorted(p.name for p in live.iterdir()) == ["new.html"]
    assert not staging.exists() and not (tmp_path / "output.previous").exists()
