from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'module.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_title_doc = resolve('title_doc')
    l_0_catalog = resolve('catalog')
    l_0_shapes = resolve('shapes')
    l_0_all_line = resolve('all_line')
    l_0_class_name = resolve('class_name')
    l_0_base = resolve('base')
    l_0_members = resolve('members')
    l_0_code_type = resolve('code_type')
    l_0_error_name = resolve('error_name')
    l_0_init_line = resolve('init_line')
    l_0_classify_line = resolve('classify_line')
    l_0_classify_text_line = resolve('classify_text_line')
    l_0_docs_line = resolve('docs_line')
    l_0_info = resolve('info')
    l_0_rules_lines = resolve('rules_lines')
    try:
        t_1 = environment.filters['py_comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_comment' found.")
    try:
        t_2 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Error codes of '
    yield str((undefined(name='title_doc') if l_0_title_doc is missing else l_0_title_doc))
    yield ', generated from the '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' catalogue."""\n\n# Source: '
    yield str(t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '\n\nfrom __future__ import annotations\n\nimport enum\nfrom collections.abc import Mapping\nfrom types import MappingProxyType\nfrom typing import Final, Self\n\nfrom ._support import Classification, Deprecation, PlatformError\nfrom ._support import Info as _Info\nfrom ._support import Rules as _Rules\n'
    if (undefined(name='shapes') if l_0_shapes is missing else l_0_shapes):
        pass
        yield 'from ._support import Shape as _Shape\n'
    yield 'from ._support import fill as _fill\nfrom ._support import preferred as _preferred\n\n'
    yield str((undefined(name='all_line') if l_0_all_line is missing else l_0_all_line))
    yield '\n\n\nclass '
    yield str((undefined(name='class_name') if l_0_class_name is missing else l_0_class_name))
    yield '(enum.'
    yield str((undefined(name='base') if l_0_base is missing else l_0_base))
    yield '):\n    """Error codes of '
    yield str((undefined(name='title_doc') if l_0_title_doc is missing else l_0_title_doc))
    yield '."""\n\n'
    for (l_1_comment, l_1_name, l_1_value, l_1_aliases, l_1_deprecated, l_1_replaced_by) in (undefined(name='members') if l_0_members is missing else l_0_members):
        _loop_vars = {}
        pass
        yield '    #: '
        yield str(l_1_comment)
        yield '\n'
        if (not t_3(l_1_deprecated)):
            pass
            yield '    #:\n    #: Deprecated: '
            yield str(l_1_deprecated)
            if (not t_3(l_1_replaced_by)):
                pass
                yield ' Use '
                yield str(l_1_replaced_by)
                yield ' instead.'
            yield '\n'
        yield '    '
        yield str(l_1_name)
        yield ' = '
        yield str(l_1_value)
        yield '\n'
        for l_2_alias in l_1_aliases:
            _loop_vars = {}
            pass
            yield '    #: Deprecated: the former name of '
            yield str(l_1_name)
            yield ', the same member.\n    '
            yield str(l_2_alias)
            yield ' = '
            yield str(l_1_value)
            yield '\n'
        l_2_alias = missing
    l_1_comment = l_1_name = l_1_value = l_1_aliases = l_1_deprecated = l_1_replaced_by = missing
    yield '\n    @classmethod\n    def lookup(cls, code: '
    yield str((undefined(name='code_type') if l_0_code_type is missing else l_0_code_type))
    yield ') -> Self | None:\n        """The member for ``code``, or None when the catalogue does not define it."""\n        try:\n            return cls(code)\n        except (ValueError, TypeError):\n            return None\n\n    @classmethod\n    def from_name(cls, name: str) -> Self | None:\n        """The member called ``name`` (its name or a former one), or None."""\n        return cls.__members__.get(name)\n\n    @property\n    def message(self) -> str:\n        """The message in English, else Chinese, else another language."""\n        return _preferred(_INFO[self.value].message) or ""\n\n    def message_in(self, language: str) -> str | None:\n        """The message in ``language`` (a tag such as "en" or "zh"), or None."""\n        return _INFO[self.value].message.get(language)\n\n    @property\n    def messages(self) -> Mapping[str, str]:\n        """The message in every language the catalogue gives, by language tag."""\n        return MappingProxyType(_INFO[self.value].message)\n\n    @property\n    def parameters(self) -> tuple[str, ...]:\n        """The names of the placeholders of the code\'s texts, each once, in text order."""\n        return _INFO[self.value].parameters\n\n    @property\n    def solution(self) -> str | None:\n        """What to do about the error, in English, else Chinese, else any language."""\n        return _preferred(_INFO[self.value].solution)\n\n    def solution_in(self, language: str) -> str | None:\n        """What to do about the error in ``language``, or None."""\n        return _INFO[self.value].solution.get(language)\n\n    @property\n    def category(self) -> str | None:\n        """The kind of error (e.g. "rate_limit"), or None when not classified."""\n        return _INFO[self.value].category\n\n    @property\n    def http_status(self) -> int | None:\n        """The HTTP status the API answers with, or None when not known."""\n        return _INFO[self.value].http_status\n\n    @property\n    def retryable(self) -> bool | None:\n        """Whether retrying later can succeed, or None when not known."""\n        return _INFO[self.value].retryable\n\n    @property\n    def deprecated(self) -> Deprecation | None:\n        """Why the code is deprecated, or None when it is not."""\n        return _INFO[self.value].deprecated\n\n    @property\n    def doc_url(self) -> str | None:\n        """The address of the code\'s documentation, or None when there is none."""\n        return None if _DOCS is None else f"{_DOCS}{self.value}"\n\n    def format(self, /, **params: str | int) -> str:'
    if ((undefined(name='base') if l_0_base is missing else l_0_base) == 'StrEnum'):
        pass
        yield '  # type: ignore[override]'
    yield '\n        """The message, each ``{placeholder}`` replaced by its parameter\'s value."""\n        info = _INFO[self.value]\n        return _fill(self, info, info.message, None, params) or ""\n\n    def format_in(self, language: str, /, **params: str | int) -> str:\n        """The message in ``language`` if the catalogue has it, else :meth:`format`\'s."""\n        info = _INFO[self.value]\n        return _fill(self, info, info.message, language, params) or ""\n\n    def format_solution(self, /, **params: str | int) -> str | None:\n        """The solution with its parameters\' values, or None when there is none."""\n        info = _INFO[self.value]\n        return _fill(self, info, info.solution, None, params)\n\n    def format_solution_in(self, language: str, /, **params: str | int) -> str | None:\n        """The solution in ``language`` if the catalogue has it, else the default one."""\n        info = _INFO[self.value]\n        return _fill(self, info, info.solution, language, params)\n\n\nclass '
    yield str((undefined(name='error_name') if l_0_error_name is missing else l_0_error_name))
    yield '(PlatformError):\n    """An error of '
    yield str((undefined(name='title_doc') if l_0_title_doc is missing else l_0_title_doc))
    yield ': ``raise '
    yield str((undefined(name='error_name') if l_0_error_name is missing else l_0_error_name))
    yield '(code, **params)``."""\n\n    platform = '
    yield str(t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform')))
    yield '\n    _code: '
    yield str((undefined(name='class_name') if l_0_class_name is missing else l_0_class_name))
    yield '\n\n'
    yield str((undefined(name='init_line') if l_0_init_line is missing else l_0_init_line))
    yield '\n        """The error ``code``: TypeError when a parameter is missing or unknown."""\n        super().__init__(code, **params)\n\n    @property\n    def code(self) -> '
    yield str((undefined(name='class_name') if l_0_class_name is missing else l_0_class_name))
    yield ':\n        """The code of the error."""\n        return self._code\n\n\n'
    yield str((undefined(name='classify_line') if l_0_classify_line is missing else l_0_classify_line))
    yield '\n    """What a response of the API means: ``status`` is its HTTP status (or None), ``body``\n    its decoded JSON. The code the body carries, when the catalogue defines it (``how``\n    "code"); else the code whose message the body\'s message matches ("message"); else the\n    code the catalogue gives for the status ("status"); else None. Never raises."""\n    return _RULES.classify(status, body)\n\n\n'
    yield str((undefined(name='classify_text_line') if l_0_classify_text_line is missing else l_0_classify_text_line))
    yield '\n    """:func:`classify` with the body as text: text that is not JSON (or nests deeper than\n    512 levels) is no body, and the status alone can tell. Never raises."""\n    return _RULES.classify_text(status, text)\n\n\n'
    yield str((undefined(name='docs_line') if l_0_docs_line is missing else l_0_docs_line))
    yield '\n"""Where the codes are documented: the address of a code\'s documentation is this and the\ncode; None when the project configures none."""\n\n_INFO: Final[Mapping['
    yield str((undefined(name='code_type') if l_0_code_type is missing else l_0_code_type))
    yield ', _Info]] = {\n'
    for (l_1_value, l_1_messages, l_1_solutions, l_1_category, l_1_http_status, l_1_retryable, l_1_reason, l_1_replaced_by) in (undefined(name='info') if l_0_info is missing else l_0_info):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_value)
        yield ': _Info(\n        message={\n'
        for (l_2_language, l_2_text) in l_1_messages:
            _loop_vars = {}
            pass
            yield '            '
            yield str(l_2_language)
            yield ': '
            yield str(l_2_text)
            yield ',\n'
        l_2_language = l_2_text = missing
        yield '        },\n'
        if l_1_solutions:
            pass
            yield '        solution={\n'
            for (l_2_language, l_2_text) in l_1_solutions:
                _loop_vars = {}
                pass
                yield '            '
                yield str(l_2_language)
                yield ': '
                yield str(l_2_text)
                yield ',\n'
            l_2_language = l_2_text = missing
            yield '        },\n'
        if (not t_3(l_1_category)):
            pass
            yield '        category='
            yield str(l_1_category)
            yield ',\n'
        if (not t_3(l_1_http_status)):
            pass
            yield '        http_status='
            yield str(l_1_http_status)
            yield ',\n'
        if (not t_3(l_1_retryable)):
            pass
            yield '        retryable='
            yield str(l_1_retryable)
            yield ',\n'
        if (not t_3(l_1_reason)):
            pass
            yield '        deprecated=Deprecation(\n            reason='
            yield str(l_1_reason)
            yield ',\n'
            if (not t_3(l_1_replaced_by)):
                pass
                yield '            replaced_by='
                yield str(l_1_replaced_by)
                yield ',\n'
            yield '        ),\n'
        yield '    ),\n'
    l_1_value = l_1_messages = l_1_solutions = l_1_category = l_1_http_status = l_1_retryable = l_1_reason = l_1_replaced_by = missing
    yield '}\n\n'
    for l_1_line in (undefined(name='rules_lines') if l_0_rules_lines is missing else l_0_rules_lines):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '"""How responses are classified, compiled from the catalogue: the shapes that carry a code\nand a message, the generic codes, the message patterns (each the code of its entry, then\nits literals, normalised, and its wildcards in turn) and the HTTP statuses."""\n'

blocks = {}
debug_info = '1=45&2=47&4=51&16=53&22=57&25=59&26=63&28=65&29=69&30=71&32=74&35=82&36=86&37=90&38=92&43=99&108=101&130=105&131=107&133=111&134=113&136=115&141=117&146=119&154=121&160=123&164=125&165=127&166=131&168=133&169=137&172=143&174=146&175=150&179=156&180=159&182=161&183=164&185=166&186=169&188=171&190=174&191=176&192=179&200=185&201=188'
# Generated by python -m codegen.precompile from templates/python/module.py.j2 by Jinja2 3.1.6: do not edit.
