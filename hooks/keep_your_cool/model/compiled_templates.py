"""The theme's templates compiled once per build, not once per language.

mkdocs-static-i18n builds each language with a new Jinja environment, and each would parse and
compile every template of Material and overrides/ again. This cache (Jinja's documented bytecode
cache interface) hands each environment the code the first one compiled. It belongs to one build
(the plugin starts one per build), and a template's code is reused only for the same source text
compiled by an environment with the same settings.
"""

from __future__ import annotations

from types import CodeType

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}  # key -> (source checksum, code)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # what decides the compiled code besides the source: the parser's and compiler's settings
        settings = (
            sorted(environment.extensions),
            environment.autoescape,
            environment.optimized,
            environment.finalize,
            getattr(environment, "newstyle_gettext", None),
            environment.block_start_string,
            environment.block_end_string,
            environment.variable_start_string,
            environment.variable_end_string,
            environment.comment_start_string,
            environment.comment_end_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.newline_sequence,
            environment.keep_trailing_newline,
        )
        bucket = Bucket(environment, f"{self.get_cache_key(name, filename)}:{settings!r}", self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)
