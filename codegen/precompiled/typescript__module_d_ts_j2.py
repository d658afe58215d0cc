from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'module.d.ts.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_catalog = resolve('catalog')
    l_0_codes = resolve('codes')
    l_0_params = resolve('params')
    l_0_error = resolve('error')
    try:
        t_1 = environment.filters['ts_doc']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'ts_doc' found.")
    try:
        t_2 = environment.filters['ts_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'ts_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n/**\n * Error codes of '
    yield str(t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield '.\n *\n * Source: '
    yield str(t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '\n *\n * @module\n */\n\nimport type * as common from "./common.js";\n\n/** The codes of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ', by name. */\nexport declare const Code: {\n'
    for (l_1_doc, l_1_name, l_1_value, l_1_aliases, l_1_deprecated, l_1_replaced_by) in (undefined(name='codes') if l_0_codes is missing else l_0_codes):
        _loop_vars = {}
        pass
        yield '  /**\n   * '
        yield str(l_1_doc)
        yield '\n'
        if (not t_3(l_1_deprecated)):
            pass
            yield '   *\n   * @deprecated '
            yield str(l_1_deprecated)
            if (not t_3(l_1_replaced_by)):
                pass
                yield ' Use '
                yield str(l_1_replaced_by)
                yield ' instead.'
            yield '\n'
        yield '   */\n  readonly '
        yield str(l_1_name)
        yield ': '
        yield str(l_1_value)
        yield ';\n'
        for l_2_alias in l_1_aliases:
            _loop_vars = {}
            pass
            yield '  /** @deprecated The former name of '
            yield str(l_1_name)
            yield ': use '
            yield str(l_1_name)
            yield ' instead. */\n  readonly '
            yield str(l_2_alias)
            yield ': '
            yield str(l_1_value)
            yield ';\n'
        l_2_alias = missing
    l_1_doc = l_1_name = l_1_value = l_1_aliases = l_1_deprecated = l_1_replaced_by = missing
    yield '};\n\n/** A code of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '. */\nexport type Code = (typeof Code)[keyof typeof Code];\n\n/** What the catalogue says about one code. */\nexport interface CodeInfo {\n  readonly code: Code;\n  readonly name: keyof typeof Code;\n  /** The message by language tag ("en", "zh", ...), with its placeholders. */\n  readonly message: Readonly<Record<string, string>>;\n  /** What to do about the error, by language tag. */\n  readonly solution: Readonly<Record<string, string>>;\n  /** The names of the placeholders of its texts (`{limit}`): its parameters. */\n  readonly placeholders: readonly string[];\n  /** The kind of error, e.g. "rate_limit". */\n  readonly category?: string;\n  /** The HTTP status the API answers with. */\n  readonly httpStatus?: number;\n  /** Whether retrying later can succeed. */\n  readonly retryable?: boolean;\n  /** Why the code is deprecated, and the name of the code to use instead. */\n  readonly deprecated?: {\n    readonly reason: string;\n    readonly replacedBy?: string;\n  };\n}\n\n/** Every code\'s information, keyed by code (frozen). */\nexport declare const codeInfo: Readonly<Record<Code, CodeInfo>>;\n\n/** Every code, in the order of the catalogue; a former name is not repeated (frozen). */\nexport declare const codes: readonly Code[];\n\n/** Whether `value` is a code of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '. */\nexport declare function isCode(value: unknown): value is Code;\n\n/** What the catalogue says about `code`, or undefined for a code it does not define. */\nexport declare function lookup(code: unknown): CodeInfo | undefined;\n\n/**\n * The message of `code` in `language`, by default in English, else Chinese, else\n * another language; undefined for an unknown code or a language the catalogue lacks.\n * Its placeholders are left as they are: {@link format} fills them.\n */\nexport declare function message(\n  code: unknown,\n  language?: string,\n): string | undefined;\n\n/** What to do about `code`, in `language` or by default as for {@link message}. */\nexport declare function solution(\n  code: unknown,\n  language?: string,\n): string | undefined;\n\n/** The code named `name`, or a former name of it; undefined for any other name. */\nexport declare function byName(name: string): Code | undefined;\n\n/**\n * The address of the documentation of `code`; undefined when the project configures none,\n * and for a code the catalogue does not define.\n */\nexport declare function docUrl(code: Code): string | undefined;\n\n/** The parameters of each code whose texts have placeholders: a value for each. */\n'
    if (undefined(name='params') if l_0_params is missing else l_0_params):
        pass
        yield 'export interface Params {\n'
        for (l_1_key, l_1_names) in (undefined(name='params') if l_0_params is missing else l_0_params):
            _loop_vars = {}
            pass
            yield '  '
            yield str(l_1_key)
            yield ': {\n'
            for l_2_name in l_1_names:
                _loop_vars = {}
                pass
                yield '    readonly '
                yield str(l_2_name)
                yield ': common.Value;\n'
            l_2_name = missing
            yield '  };\n'
        l_1_key = l_1_names = missing
        yield '}\n'
    else:
        pass
        yield 'export interface Params {}\n'
    yield "\n/** The parameters of `C`: as {@link Params} says, or none. */\nexport type ParamsOf<C extends Code> = C extends Code\n  ? Params extends { readonly [K in `${C}`]: infer P }\n    ? P\n    : common.NoParams\n  : never;\n\n/**\n * The message of `code` with each placeholder replaced by its parameter's value, in\n * `language` when the catalogue has it, else in the default language.\n *\n * @throws {common.FormatError} when a parameter is missing or unknown.\n */\nexport declare function format<C extends Code>(\n  code: C,\n  ...args: common.FormatArgs<ParamsOf<C>>\n): string;\n\n/** The solution of `code`, formatted as {@link format} does; undefined when it has none. */\nexport declare function formatSolution<C extends Code>(\n  code: C,\n  ...args: common.FormatArgs<ParamsOf<C>>\n): string | undefined;\n\n/**\n * An error of "
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ': a code, and the parameters its texts were formatted with.\n * Its `message` is the formatted message; `toString()` is `"'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' {code}: {message}"`.\n */\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'interface'))
    yield '\n  readonly name: '
    yield str(t_2(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name')))
    yield ';\n  readonly code: Code;\n}\n\n/**\n * `new '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield '(code, params, { cause })`: the parameters as {@link format} takes\n * them.\n *\n * @throws {common.FormatError} when a parameter is missing or unknown.\n */\nexport declare const '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield ': {\n  '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'construct'))
    yield '\n  readonly prototype: '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield ';\n};\n\n/** Whether `value` is a {@link '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield '}. */\n'
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'declared_guard'))
    yield '\n\n/** What a response of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' means: see {@link classify}. */\nexport interface Classification extends common.Classification {\n  readonly code: Code;\n}\n\n/**\n * The entry of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' that a response means, from its HTTP status (null when there is\n * none) and its body as `JSON.parse` gives it: the entry of the response\'s code when the\n * catalogue defines it ("code"), else the entry whose message pattern matches the\n * response\'s message best ("message"), else the entry of a generic code ("code"), else the\n * entry that lists the status ("status"); undefined when nothing matches. `params` holds\n * what the pattern\'s wildcards matched. Never throws, whatever the input (frozen).\n */\nexport declare function classify(\n  status: number | null | undefined,\n  body: unknown,\n): Classification | undefined;\n\n/**\n * {@link classify} for the text of a body: text that is not JSON (or nests arrays and\n * objects deeper than 512 levels, or holds a number beyond a double) is no body.\n */\nexport declare function classifyText(\n  status: number | null | undefined,\n  text: string,\n): Classification | undefined;\n\n/**\n * The {@link '
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'name'))
    yield "} that `result` means: with the parameters it holds when they\n * are exactly its code's, else with none when its code has none; else undefined (a code\n * with parameters and no message that gives them). Never throws.\n */\nexport declare function toError(\n  result: Classification | undefined,\n"
    yield str(environment.getattr((undefined(name='error') if l_0_error is missing else l_0_error), 'declared_to_error'))
    yield '\n'

blocks = {}
debug_info = '1=34&4=36&6=38&13=40&15=42&17=46&18=48&20=51&24=59&25=63&26=67&27=71&32=78&64=80&96=82&98=85&99=89&100=91&101=95&135=105&136=107&138=109&139=111&144=113&149=115&150=117&151=119&154=121&155=123&157=125&163=127&185=129&191=131'
# Generated by python -m codegen.precompile from templates/typescript/module.d.ts.j2 by Jinja2 3.1.6: do not edit.
