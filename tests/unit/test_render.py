"""Rendering pages in worker processes: the same files as one process, and failures surface."""

from __future__ import annotations

import os

import pytest
from jinja2 import DictLoader, Environment
from jinja2.exceptions import UndefinedError

from conftest import WORKERS
from newsroom import render

TEMPLATES = {"page": "<h1>{{ title }}</h1><p>{{ SITENAME }} {{ output_file }}</p>", "broken": "{{ missing.attribute }}"}


def files(root):
    return {path.relative_to(root).as_posix(): path.read_text() for path in root.rglob("*") if path.is_file()}


def test_workers_write_what_one_process_writes(tmp_path, workers):
    env = Environment(loader=DictLoader(TEMPLATES))
    jobs = [render.Job(f"en/news/{n}/index.html", "page", {"title": f"Release {n}"}) for n in range(50)]
    render.render_all(jobs, env.get_template, {"SITENAME": "Newsroom"}, tmp_path / "one", parallel=False)
    assert workers.take()["rendered"] == {os.getpid(): 50}
    render.render_all(jobs, env.get_template, {"SITENAME": "Newsroom"}, tmp_path / "many", parallel=True)
    rendered = workers.take()["rendered"]
    assert os.getpid() not in rendered and len(rendered) == WORKERS and sum(rendered.values()) == 50
    assert files(tmp_path / "one") == files(tmp_path / "many")
    assert files(tmp_path / "one")["en/news/7/index.html"] == "<h1>Release 7</h1><p>Newsroom en/news/7/index.html</p>"


@pytest.mark.parametrize("parallel", [False, True])
def test_a_failing_template_fails_the_build(tmp_path, parallel, workers):
    env = Environment(loader=DictLoader(TEMPLATES))
    jobs = [render.Job("a.html", "page", {"title": "A"}), render.Job("b.html", "broken")]
    with pytest.raises(Exception) as failure:
        render.render_all(jobs, env.get_template, {}, tmp_path, parallel=parallel)
    if parallel:  # the worker printed the template's error; the build stops with ours
        assert isinstance(failure.value, render.RenderError)
        assert str(failure.value) == f"newsroom: 1 of {WORKERS} rendering processes failed; their errors are above"
    else:
        assert isinstance(failure.value, UndefinedError)


def test_each_worker_gets_an_equal_share_of_as_few_languages_as_can_be():
    jobs = [render.Job(f"{lang}/{n}.html", "page", {"lang": lang}) for n in range(5) for lang in ("en", "ka")]
    two = render.shares(jobs, 2)
    assert [[job.save_as for job in share] for share in two] == [
        [f"en/{n}.html" for n in range(5)], [f"ka/{n}.html" for n in range(5)]]
    four = render.shares(jobs, 4)
    assert [len(share) for share in four] == [3, 3, 3, 1]
    assert sorted(job.save_as for share in four for job in share) == sorted(job.save_as for job in jobs)
    assert {job.values["lang"] for job in four[0]} == {"en"}
