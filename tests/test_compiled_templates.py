"""Each language's build reuses the templates the first compiled (hooks/model/compiled_templates.py),
but only the same source compiled with the same settings: what a page shows never depends on which
environment compiled its template first."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from keep_your_cool.model.compiled_templates import CompiledTemplates


def render(cache: CompiledTemplates, templates: dict[str, str], **settings) -> str:
    env = Environment(loader=DictLoader(templates), bytecode_cache=cache, **settings)
    return env.get_template("page.html").render(word="<b>")


def test_a_template_is_compiled_once_for_every_environment_of_a_build():
    cache = CompiledTemplates()
    assert render(cache, {"page.html": "{{ word }}"}) == "<b>"
    assert len(cache._code) == 1
    code = next(iter(cache._code.values()))
    assert render(cache, {"page.html": "{{ word }}"}) == "<b>"  # a second language's environment
    assert list(cache._code.values()) == [code]  # reused, not compiled again


def test_an_edited_template_or_other_settings_are_compiled_afresh():
    cache = CompiledTemplates()
    assert render(cache, {"page.html": "{{ word }}"}) == "<b>"
    assert render(cache, {"page.html": "[{{ word }}]"}) == "[<b>]"  # the same name, new text
    assert render(cache, {"page.html": "[{{ word }}]"}, autoescape=True) == "[&lt;b&gt;]"
    assert render(cache, {"page.html": "[% word %]"}, variable_start_string="[%", variable_end_string="%]") == "<b>"
