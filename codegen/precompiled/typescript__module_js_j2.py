from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'module.js.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_catalog = resolve('catalog')
    l_0_entries = resolve('entries')
    l_0_docs = resolve('docs')
    l_0_error = resolve('error')
    l_0_rules = resolve('rules')
    l_0_patterns = resolve('patterns')
    try:
        t_1 = environment.filters['ts_array']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'ts_array' found.")
    try:
        t_2 = environment.filters['ts_doc']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'ts_doc' found.")
    try:
        t_3 = environment.filters['ts_pointer']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'ts_pointer' found.")
    try:
        t_4 = environment.filters['ts_str']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'ts_str' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n/**\n * Error codes of '
    yield str(t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield '.\n *\n * Source: '
    yield str(t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '\n *\n * Its types are in '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '.d.ts.\n *\n * @module\n */\n\nimport * as common from "./common.js";\n\n/** Every code of the catalogue, in its order. */\nconst entries = [\n'
    for (l_1_code, l_1_name, l_1_aliases, l_1_messages, l_1_solutions, l_1_placeholders, l_1_category, l_1_http_status, l_1_retryable, l_1_reason, l_1_replaced_by) in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        yield '  {\n    code: '
        yield str(l_1_code)
        yield ',\n    name: '
        yield str(l_1_name)
        yield ',\n'
        if (not t_5(l_1_aliases)):
            pass
            yield '    '
            yield str(l_1_aliases)
            yield ',\n'
        yield '    message: {\n'
        for l_2_message in l_1_messages:
            _loop_vars = {}
            pass
            yield '      '
            yield str(l_2_message)
            yield ',\n'
        l_2_message = missing
        yield '    },\n'
        if l_1_solutions:
            pass
            yield '    solution: {\n'
            for l_2_solution in l_1_solutions:
                _loop_vars = {}
                pass
                yield '      '
                yield str(l_2_solution)
                yield ',\n'
            l_2_solution = missing
            yield '    },\n'
        else:
            pass
            yield '    solution: {},\n'
        if (not t_5(l_1_placeholders)):
            pass
            yield '    '
            yield str(l_1_placeholders)
            yield ',\n'
        if (not t_5(l_1_category)):
            pass
            yield '    '
            yield str(l_1_category)
            yield ',\n'
        if (not t_5(l_1_http_status)):
            pass
            yield '    httpStatus: '
            yield str(l_1_http_status)
            yield ',\n'
        if (not t_5(l_1_retryable)):
            pass
            yield '    retryable: '
            yield str(l_1_retryable)
            yield ',\n'
        if (not t_5(l_1_reason)):
            pass
            yield '    deprecated: {\n      '
            yield str(l_1_reason)
            yield ',\n'
            if (not t_5(l_1_replaced_by)):
                pass
                yield '      '
                yield str(l_1_replaced_by)
                yield ',\n'
            yield '    },\n'
        yield '  },\n'
    l_1_code = l_1_name = l_1_aliases = l_1_messages = l_1_solutions = l_1_placeholders = l_1_category = l_1_http_status = l_1_retryable = l_1_reason = l_1_replaced_by = missing
    yield "];\n\n/**\n * Where the codes are documented: the address of a code's documentation is this and the\n * code; null when the project configures none.\n */\n"
    yield str((undefined(name='docs') if l_0_docs is missing else l_0_docs))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'define'))
    yield '\n\nexport const {\n  Code,\n  codeInfo,\n  codes,\n  isCode,\n  lookup,\n  message,\n  solution,\n  format,\n  formatSolution,\n  byName,\n  docUrl,\n} = catalogue;\n\n/** An error of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ': a code, and the parameters its texts were formatted with. */\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'class_head'))
    yield '\n  constructor(code, params, options) {\n    super(catalogue, code, params, options);\n  }\n\n  /** @returns {'
    yield str(t_4(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name')))
    yield '} */\n  get name() {\n    return '
    yield str(t_4(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name')))
    yield ';\n  }\n}\n\n/** Whether `value` is a {@link '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield '}. */\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'guard_head'))
    yield '\n  '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'guard_body'))
    yield '\n}\n\n/**\n * How responses of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield " are read, in catalogue order: the shapes of its error\n * responses (JSON Pointers to the code and message), the codes that do not identify an error on\n * their own, the message patterns of each entry (normalised and lower-cased: the text\n * before the first wildcard, then each wildcard's name and the text after it) and the HTTP\n * statuses its entries list.\n */\nconst rules = {\n"
    if environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'shapes'):
        pass
        yield '  shapes: [\n'
        for l_1_shape in environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'shapes'):
            _loop_vars = {}
            pass
            yield '    {\n      name: '
            yield str(t_4(environment.getattr(l_1_shape, 'name')))
            yield ',\n      code: '
            yield str(t_3(environment.getattr(l_1_shape, 'code')))
            yield ',\n      msg: '
            yield str(t_3(environment.getattr(l_1_shape, 'message')))
            yield ',\n      codeFormat: '
            yield str(t_4(environment.getattr(l_1_shape, 'code_format')))
            yield ',\n    },\n'
        l_1_shape = missing
        yield '  ],\n'
    else:
        pass
        yield '  shapes: [],\n'
    yield '  '
    yield str(t_1('genericCodes', environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'generic_codes'), 2))
    yield ',\n'
    if (undefined(name='patterns') if l_0_patterns is missing else l_0_patterns):
        pass
        yield '  patterns: [\n'
        for (l_1_code, l_1_head, l_1_parts) in (undefined(name='patterns') if l_0_patterns is missing else l_0_patterns):
            _loop_vars = {}
            pass
            yield '    {\n      code: '
            yield str(l_1_code)
            yield ',\n      '
            yield str(l_1_head)
            yield ',\n'
            if l_1_parts:
                pass
                yield '      parts: [\n'
                for (l_2_name, l_2_text) in l_1_parts:
                    _loop_vars = {}
                    pass
                    yield '        {\n          name: '
                    yield str(l_2_name)
                    yield ',\n          '
                    yield str(l_2_text)
                    yield ',\n        },\n'
                l_2_name = l_2_text = missing
                yield '      ],\n'
            else:
                pass
                yield '      parts: [],\n'
            yield '    },\n'
        l_1_code = l_1_head = l_1_parts = missing
        yield '  ],\n'
    else:
        pass
        yield '  patterns: [],\n'
    yield '  '
    yield str(t_1('statuses', environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'statuses'), 2))
    yield ',\n};\n\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'classifier'))
    yield '\n\nexport const { classify, classifyText, toError } = classifier;\n'

blocks = {}
debug_info = '1=48&4=50&6=52&8=54&17=56&19=60&20=62&21=64&22=67&25=70&26=74&29=78&31=81&32=85&38=92&39=95&41=97&42=100&44=102&45=105&47=107&48=110&50=112&52=115&53=117&54=120&66=126&68=128&84=130&85=132&90=134&92=136&96=138&97=140&98=142&102=144&109=146&111=149&113=153&114=155&115=157&116=159&123=167&124=169&126=172&128=176&129=178&130=180&132=183&134=187&135=189&148=203&151=205'
# Generated by python -m codegen.precompile from templates/typescript/module.js.j2 by Jinja2 3.1.6: do not edit.
