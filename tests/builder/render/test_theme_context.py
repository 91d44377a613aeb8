"""The theme's Jinja context calls plain functions the short way (`theme._Context`): every kind of
callable still gets what Jinja gives it."""

from __future__ import annotations

import jinja2

from sitegen.builder.render import theme
from sitegen.config import load_config


class Greeter:
    @jinja2.pass_context
    def __call__(self, jctx: jinja2.runtime.Context, name: str) -> str:
        return f"{jctx['greeting']} {name}"


def render(source: str, context_class: type = theme._Context, **values: object) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.context_class = context_class
    return env.from_string(source).render(**values)


def test_plain_functions_get_their_arguments_in_blocks_and_loops():
    seen: list[tuple] = []

    def plain(*args: object, **kwargs: object) -> str:
        seen.append((args, kwargs))
        return "-".join(map(str, args))

    out = render(
        "{% block b %}{{ f(1, 2) }}|{% for x in [3] %}{{ f(x, k='v') }}{% endfor %}|{{ 'a/b'.split('/')[1] }}{% endblock %}",
        f=plain,
    )
    assert out == "1-2|3|b"
    assert seen == [((1, 2), {}), ((3,), {"k": "v"})]  # Jinja's _block_vars/_loop_vars never reach them


def test_functions_that_ask_for_the_context_or_environment_still_get_it():
    @jinja2.pass_context
    def with_context(jctx: jinja2.runtime.Context) -> str:
        return jctx["who"]

    @jinja2.pass_environment
    def with_env(env: jinja2.Environment) -> str:
        return type(env).__name__

    out = render(
        "{% block b %}{% set who = 'inner' %}{{ c() }} {{ e() }} {{ g('you') }}{% endblock %}",
        c=with_context,
        e=with_env,
        g=Greeter(),
        who="outer",
        greeting="hi",
    )
    assert out == "inner Environment hi you"  # the block's own variable, as Jinja's Context gives it


def test_a_raised_stop_iteration_is_undefined_as_in_jinja():
    def stops() -> None:
        raise StopIteration

    out = render("{{ s() is undefined }}", s=stops)
    assert out == "True"


def test_the_theme_environment_uses_it(make_site):
    env = theme.make_env(load_config(make_site()))
    assert env.context_class is theme._Context


def test_a_function_that_reads_the_context_sees_what_jinja_shows_it_everywhere():
    @jinja2.pass_context
    def seen(jctx: jinja2.runtime.Context) -> str:
        return f"{jctx.get('who')}/{jctx.get('x', '-')}/{jctx['root']}"

    source = (
        "{{ c() }}|{% for x in [1, 2] %}{{ c() }}{% set who = 'looped' %}{{ c() }}{% endfor %}|"
        "{% block b %}{{ c() }}{% set who = 'block' %}{{ c() }}"
        "{% for y in [3] %}{{ c() }}{% endfor %}{% endblock %}|{% macro m() %}{{ c() }}{% endmacro %}{{ m() }}|"
        "{% macro n(a, b='d') %}{{ a }}{{ b }}{{ caller() if caller is defined }}{% endmacro %}"
        "{{ n('x') }}{{ n('x', b='y') }}{% call n('z') %}{{ c() }}{% endcall %}"
    )
    ours = render(source, c=seen, who="page", root="../")
    assert ours == render(source, jinja2.runtime.Context, c=seen, who="page", root="../")
    assert "looped" in ours and "block" in ours  # the loop's and the block's own variables reach it
    assert ours.endswith("|xdxyzdpage/-/../")  # macros: defaults, keywords, caller
