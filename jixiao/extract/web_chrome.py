"""Page-chrome vocabulary of web pages (``data/web_chrome.toml``), validated at load.

Tags, class/id tokens and line patterns that mark the parts of a web page around
a published report (menus, breadcrumbs, 发布时间, 点击量, footers).
"""

from __future__ import annotations

from functools import cached_property
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from jixiao.catalogue_cache import load_catalogue

_WORDS = regex.compile(r"[\s_\-]+")


class WebChrome(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,), defer_build=True)

    tags: list[str]
    dropped: list[str]
    tokens: list[str]
    lines: list[str]

    @field_validator("tags", "dropped", "tokens")
    @classmethod
    def _lower_nonempty(cls, v: list[str]) -> list[str]:
        if not v or any(not s or s != s.lower().strip() for s in v) or len(set(v)) != len(v):
            raise ValueError("须为不重复的小写非空字符串列表")
        return v

    @field_validator("lines")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                regex.compile(p)
            except regex.error as e:
                raise ValueError(f"正则表达式无效：{p}（{e}）") from e
        return v

    @cached_property
    def line_pattern(self) -> regex.Pattern[str]:
        return regex.compile("|".join(f"(?:{p})" for p in self.lines))

    def is_chrome_line(self, text: str) -> bool:
        return bool(self.line_pattern.match(text.strip()))

    def is_chrome_attr(self, value: str) -> bool:
        if not value:
            return False
        return any(w in self.tokens for w in _WORDS.split(value.lower()))


def load_chrome() -> WebChrome:
    raw = resources.files("jixiao.extract").joinpath("data/web_chrome.toml").read_bytes()

    def validate() -> WebChrome:
        import tomllib

        return WebChrome.model_validate(tomllib.loads(raw.decode("utf-8")))

    return load_catalogue("web_chrome", WebChrome, [raw], validate, modules=[__name__])


CHROME = load_chrome()
