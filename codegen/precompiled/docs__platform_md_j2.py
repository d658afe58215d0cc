from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'platform.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_platform = resolve('platform')
    l_0_sections = resolve('sections')
    l_0_catalog = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['md_cell']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md_cell' found.")
    try:
        t_4 = environment.filters['md_code']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md_code' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    l_0_catalog = environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'catalog')
    context.vars['catalog'] = l_0_catalog
    context.exported_vars.add('catalog')
    yield '\n# '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield '\n\n[All platforms](README.md) · [HTML page](../'
    yield str(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'page'))
    yield ')\n\n| | |\n|---|---|\n| platform | `'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '` |\n| source | '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield ' |\n| codes | '
    yield str(t_2(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'views')))
    yield ' ('
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_type'))
    yield ') |\n'
    if (not t_5(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_space'))):
        pass
        yield '| code space | '
        yield str(t_4(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_space')))
        yield ' |\n'
    yield '| categories | '
    l_1_loop = missing
    for (l_1_category, l_1_count), l_1_loop in LoopContext(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'categories'), undefined):
        _loop_vars = {}
        pass
        yield str(t_3(l_1_category))
        yield ' ('
        yield str(l_1_count)
        yield ')'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ', '
    l_1_loop = l_1_category = l_1_count = missing
    yield ' |\n\n## Codes\n'
    l_1_loop = missing
    for (l_1_view, l_1_entry, l_1_anchor, l_1_code, l_1_name, l_1_messages, l_1_solutions, l_1_parameters, l_1_category, l_1_http_status, l_1_retryable, l_1_deprecated, l_1_aliases, l_1_identifiers, l_1_statuses, l_1_patterns, l_1_examples, l_1_shared), l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '\n'
        if (not t_5(l_1_anchor)):
            pass
            yield '<a id="'
            yield str(l_1_anchor)
            yield '"></a>\n\n'
        yield '### '
        yield str(l_1_code)
        yield ' · '
        yield str(l_1_name)
        yield '\n\n| | |\n|---|---|\n'
        for (l_2_language, l_2_text) in l_1_messages:
            _loop_vars = {}
            pass
            yield '| message ('
            yield str(l_2_language)
            yield ') | '
            yield str(l_2_text)
            yield ' |\n'
        l_2_language = l_2_text = missing
        for (l_2_language, l_2_text) in l_1_solutions:
            _loop_vars = {}
            pass
            yield '| solution ('
            yield str(l_2_language)
            yield ') | '
            yield str(l_2_text)
            yield ' |\n'
        l_2_language = l_2_text = missing
        if l_1_parameters:
            pass
            yield '| parameters | '
            yield str(t_1(context.eval_ctx, l_1_parameters, ', '))
            yield ' |\n'
        if (not t_5(l_1_category)):
            pass
            yield '| category | '
            yield str(l_1_category)
            yield ' |\n'
        if (not t_5(l_1_http_status)):
            pass
            yield '| HTTP status | '
            yield str(l_1_http_status)
            yield ' |\n'
        yield '| retryable | '
        yield str(l_1_retryable)
        yield ' |\n'
        if (not t_5(l_1_deprecated)):
            pass
            yield '| deprecated | '
            yield str(t_3(environment.getattr(l_1_deprecated, 'reason')))
            if (not t_5(environment.getattr(l_1_deprecated, 'replaced_by'))):
                pass
                yield ' Use '
                if (not t_5(environment.getattr(l_1_view, 'replacement'))):
                    pass
                    yield '['
                    yield str(t_3(environment.getattr(l_1_deprecated, 'replaced_by')))
                    yield ']('
                    yield str(environment.getattr(l_1_view, 'replacement'))
                    yield ')'
                else:
                    pass
                    yield str(t_4(environment.getattr(l_1_deprecated, 'replaced_by')))
                yield ' instead.'
            yield ' |\n'
        if l_1_aliases:
            pass
            yield '| former names | '
            l_2_loop = missing
            for l_2_alias, l_2_loop in LoopContext(l_1_aliases, undefined):
                _loop_vars = {}
                pass
                yield str(t_4(l_2_alias))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_alias = missing
            yield ' (deprecated) |\n'
        for (l_2_language, l_2_identifier) in l_1_identifiers:
            _loop_vars = {}
            pass
            yield '| '
            yield str(l_2_language)
            yield ' | '
            yield str(l_2_identifier)
            yield ' |\n'
        l_2_language = l_2_identifier = missing
        if l_1_statuses:
            pass
            yield '| matched by status | '
            l_2_loop = missing
            for l_2_status, l_2_loop in LoopContext(l_1_statuses, undefined):
                _loop_vars = {}
                pass
                yield str(l_2_status)
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_status = missing
            yield ' |\n'
        for l_2_pattern in l_1_patterns:
            _loop_vars = {}
            pass
            yield '| matched by message | '
            yield str(t_3(l_2_pattern))
            yield ' |\n'
        l_2_pattern = missing
        for l_2_example in l_1_examples:
            _loop_vars = {}
            pass
            yield '| example | '
            if (not t_5(environment.getattr(l_2_example, 'status'))):
                pass
                yield 'HTTP '
                yield str(environment.getattr(l_2_example, 'status'))
            else:
                pass
                yield 'any status'
            yield ': '
            yield str(t_3(environment.getattr(l_2_example, 'line')))
            yield ' |\n'
        l_2_example = missing
        if l_1_shared:
            pass
            yield '| also defined by | '
            l_2_loop = missing
            for l_2_other, l_2_loop in LoopContext(l_1_shared, undefined):
                _loop_vars = {}
                pass
                yield '['
                yield str(environment.getattr(l_2_other, 'platform'))
                yield ' '
                yield str(l_1_code)
                yield ']('
                yield str(environment.getattr(l_2_other, 'markdown'))
                yield ') '
                yield str(t_3(environment.getattr(l_2_other, 'name')))
                yield ' ('
                if environment.getattr(l_2_other, 'same'):
                    pass
                    yield 'same'
                else:
                    pass
                    yield 'different'
                yield ' meaning)'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_other = missing
            yield ' |\n'
    l_1_loop = l_1_view = l_1_entry = l_1_anchor = l_1_code = l_1_name = l_1_messages = l_1_solutions = l_1_parameters = l_1_category = l_1_http_status = l_1_retryable = l_1_deprecated = l_1_aliases = l_1_identifiers = l_1_statuses = l_1_patterns = l_1_examples = l_1_shared = missing
    if (not t_5(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'response'))):
        pass
        yield '\n## Response shapes\n\n| shape | code at | message at | code arrives as |\n|---|---|---|---|\n'
        for l_1_shape in environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'response'), 'shapes'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_3(environment.getattr(l_1_shape, 'name')))
            yield ' | '
            yield str(t_3(environment.getattr(l_1_shape, 'code')))
            yield ' | '
            yield str(t_3(environment.getattr(l_1_shape, 'message')))
            yield ' | '
            yield str(environment.getattr(l_1_shape, 'code_format'))
            yield ' |\n'
        l_1_shape = missing
        if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'generic'):
            pass
            yield '\nGeneric codes: '
            l_1_loop = missing
            for (l_1_code, l_1_href), l_1_loop in LoopContext(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'generic'), undefined):
                _loop_vars = {}
                pass
                if (not t_5(l_1_href)):
                    pass
                    yield '['
                    yield str(t_3(l_1_code))
                    yield ']('
                    yield str(l_1_href)
                    yield ')'
                else:
                    pass
                    yield str(t_3(l_1_code))
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield ', '
            l_1_loop = l_1_code = l_1_href = missing
            yield '.\n'
    if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'reserved'):
        pass
        yield '\n## Reserved codes\n\n| code | former name | why |\n|---|---|---|\n'
        for l_1_tombstone in environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'reserved'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_3(environment.getattr(l_1_tombstone, 'code')))
            yield ' | '
            yield str(t_3(environment.getattr(l_1_tombstone, 'name')))
            yield ' | '
            yield str(t_3(environment.getattr(l_1_tombstone, 'reason')))
            yield ' |\n'
        l_1_tombstone = missing

blocks = {}
debug_info = '1=45&2=47&4=51&6=53&10=55&11=57&12=59&13=63&14=66&16=70&19=83&21=87&22=90&25=93&29=97&30=101&32=106&33=110&35=115&36=118&38=120&39=123&41=125&42=128&44=131&45=133&46=136&48=152&49=156&51=165&52=169&54=174&55=178&57=187&58=191&60=194&61=198&63=209&64=213&67=238&73=241&74=245&76=254&78=258&81=276&87=279&88=283'
# Generated by python -m codegen.precompile from templates/docs/platform.md.j2 by Jinja2 3.1.6: do not edit.
