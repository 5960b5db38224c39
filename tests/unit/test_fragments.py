"""A fragment is rendered once per key and reused."""

from jinja2 import DictLoader, Environment

from newsroom.fragments import Fragments

TEMPLATE = '{% for n in numbers %}{% call fragment("card", n % 2) %}[{{ counter.append(1) or "" }}{{ n % 2 }}]{% endcall %}{% endfor %}'


def test_each_key_is_rendered_once():
    env = Environment(loader=DictLoader({"t": TEMPLATE}), autoescape=True)
    env.globals["fragment"] = Fragments()
    counter = []
    assert env.get_template("t").render(numbers=[0, 1, 2, 3, 4], counter=counter) == "[0][1][0][1][0]"
    assert len(counter) == 2
