from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'module.rs.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_catalog = resolve('catalog')
    l_0_imports = resolve('imports')
    l_0_integer = resolve('integer')
    l_0_variants = resolve('variants')
    l_0_former = resolve('former')
    l_0_all_codes = resolve('all_codes')
    l_0_aliases = resolve('aliases')
    l_0_docs = resolve('docs')
    l_0_infos = resolve('infos')
    l_0_arms = resolve('arms')
    l_0_rules = resolve('rules')
    l_0_typed = resolve('typed')
    try:
        t_1 = environment.filters['rust_arm']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'rust_arm' found.")
    try:
        t_2 = environment.filters['rust_const']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'rust_const' found.")
    try:
        t_3 = environment.filters['rust_doc']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'rust_doc' found.")
    try:
        t_4 = environment.filters['rust_str']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'rust_str' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n//! Error codes of '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield ', generated from the `'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '` catalogue.\n//!\n//! Source: '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '\n\nuse std::fmt;\nuse std::str::FromStr;\n\nuse crate::support::{'
    yield str((undefined(name='imports') if l_0_imports is missing else l_0_imports))
    yield '};\nuse crate::{FormatError, Json, PlatformCode};\n\npub use crate::UnknownCode;\n\n/// An error of the `'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '` catalogue: a code, its parameters and its formatted message.\npub type Error = crate::Error<Code>;\n\n/// Why a code is deprecated, and which code to use instead.\npub type Deprecation = crate::Deprecation<Code>;\n\n/// What a response of the `'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield "` API means: a code, how it was found, its parameters.\npub type Classification = crate::Classification<Code>;\n\n/// The code a response means, from its HTTP status (if known) and its decoded body: the\n/// code the body carries, if the catalogue defines it and it is not a generic code; else the\n/// entry whose message pattern matches the body's message best; else a generic code; else\n/// the first entry that lists the status. `None` when nothing matches.\npub fn classify(status: Option<u16>, body: &Json) -> Option<Classification> {\n    support::classify(status, body)\n}\n\n/// As [`classify`], from the body's text: a text that is not JSON is no body at all (only the\n/// status counts).\npub fn classify_text(status: Option<u16>, text: &str) -> Option<Classification> {\n    support::classify_text(status, text)\n}\n\n/// An error code of the `"
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield "` catalogue.\n///\n/// Each variant's documentation gives its catalogue name, its code and its message.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n#[non_exhaustive]\n"
    if (undefined(name='integer') if l_0_integer is missing else l_0_integer):
        pass
        yield '#[repr(i64)]\n'
    yield 'pub enum Code {\n'
    for (l_1_name, l_1_code, l_1_message, l_1_note, l_1_identifier, l_1_variant) in (undefined(name='variants') if l_0_variants is missing else l_0_variants):
        _loop_vars = {}
        pass
        yield '    /// `'
        yield str(l_1_name)
        yield '` ('
        yield str(l_1_code)
        yield '): '
        yield str(l_1_message)
        yield '\n'
        if (not t_5(l_1_note)):
            pass
            yield '    #[deprecated = '
            yield str(l_1_note)
            yield ']\n'
        if (undefined(name='integer') if l_0_integer is missing else l_0_integer):
            pass
            yield '    '
            yield str(l_1_variant)
            yield '\n'
        else:
            pass
            yield '    '
            yield str(l_1_identifier)
            yield ',\n'
    l_1_name = l_1_code = l_1_message = l_1_note = l_1_identifier = l_1_variant = missing
    yield '}\n'
    if (undefined(name='former') if l_0_former is missing else l_0_former):
        pass
        yield '\n/// Former names of codes, kept so that code written against them still compiles.\n#[allow(deprecated, non_upper_case_globals)]\nimpl Code {\n'
        for (l_1_alias, l_1_alias_identifier, l_1_name, l_1_identifier) in (undefined(name='former') if l_0_former is missing else l_0_former):
            _loop_vars = {}
            pass
            yield '    /// `'
            yield str(l_1_alias)
            yield '`: the former name of `'
            yield str(l_1_name)
            yield '`, the same code.\n    #[deprecated = '
            yield str(t_4(str_join(('Use ', l_1_identifier, ' instead.', ))))
            yield ']\n    '
            yield str(t_2(l_1_alias_identifier, 4, str_join(('Self::', l_1_identifier, ))))
            yield '\n'
        l_1_alias = l_1_alias_identifier = l_1_name = l_1_identifier = missing
        yield '}\n'
    yield '\nimpl Code {\n    /// Every code, in catalogue order.\n    #[allow(deprecated)]\n    '
    yield str((undefined(name='all_codes') if l_0_all_codes is missing else l_0_all_codes))
    yield '\n\n    /// The code, as the catalogue writes it.\n'
    if (undefined(name='integer') if l_0_integer is missing else l_0_integer):
        pass
        yield '    pub const fn code(self) -> i64 {\n        self as i64\n    }\n'
    else:
        pass
        yield "    pub fn code(self) -> &'static str {\n        self.info().code\n    }\n"
    yield "\n    /// The catalogue's name of the code, such as `INVALID_API_KEY`.\n    pub fn name(self) -> &'static str {\n        self.info().name\n    }\n\n    /// The code named `name` in the catalogue, or by one of its former names (aliases).\n"
    if (undefined(name='aliases') if l_0_aliases is missing else l_0_aliases):
        pass
        yield '    #[allow(deprecated)]\n    pub fn from_name(name: &str) -> Option<Self> {\n        Some(match name {\n'
        for (l_1_alias, l_1_alias_identifier, l_1_name, l_1_identifier) in (undefined(name='former') if l_0_former is missing else l_0_former):
            _loop_vars = {}
            pass
            yield '            '
            yield str(t_1(t_4(l_1_alias), 12, str_join(('Self::', l_1_identifier, ))))
            yield '\n'
        l_1_alias = l_1_alias_identifier = l_1_name = l_1_identifier = missing
        yield '            _ => return Self::ALL.iter().copied().find(|code| code.name() == name),\n        })\n    }\n'
    else:
        pass
        yield '    pub fn from_name(name: &str) -> Option<Self> {\n        Self::ALL.iter().copied().find(|code| code.name() == name)\n    }\n'
    yield "\n    /// The message in English, else Chinese, else the language whose tag sorts first.\n    pub fn message(self) -> &'static str {\n        self.info().message()\n    }\n\n    /// The message in `language` (a tag such as `en` or `zh`), if the catalogue gives one.\n    pub fn message_in(self, language: &str) -> Option<&'static str> {\n        self.info().message_in(language)\n    }\n\n    /// The message in every language the catalogue gives: (language tag, text) pairs.\n    pub fn messages(self) -> impl Iterator<Item = (&'static str, &'static str)> {\n        support::pairs(self.info().messages)\n    }\n\n    /// What to do about the error, in English, else Chinese, else another language.\n    pub fn solution(self) -> Option<&'static str> {\n        self.info().solution()\n    }\n\n    /// What to do about the error in `language`, if the catalogue says.\n    pub fn solution_in(self, language: &str) -> Option<&'static str> {\n        self.info().solution_in(language)\n    }\n\n    /// What to do about the error in every language the catalogue gives.\n    pub fn solutions(self) -> impl Iterator<Item = (&'static str, &'static str)> {\n        support::pairs(self.info().solutions)\n    }\n\n    /// The kind of error, such as `rate_limit`, if the catalogue classifies it.\n    pub fn category(self) -> Option<&'static str> {\n        self.info().category\n    }\n\n    /// The HTTP status the API answers with, if known.\n    pub fn http_status(self) -> Option<u16> {\n        self.info().http_status\n    }\n\n    /// Whether retrying later can succeed, if known.\n    pub fn retryable(self) -> Option<bool> {\n        self.info().retryable\n    }\n\n    /// The address of the code's documentation, if the project configures one.\n    pub fn doc_url(self) -> Option<String> {\n        support::doc_url(self)\n    }\n\n    /// Why the code is deprecated and what to use instead; `None` when it is not deprecated.\n    pub fn deprecation(self) -> Option<Deprecation> {\n        self.info().deprecation\n    }\n\n    /// The names of the placeholders (`{limit}`) of the code's texts, messages then\n    /// solutions, each once: the parameters that formatting it needs.\n    pub fn placeholders(self) -> Vec<&'static str> {\n        self.info().placeholders()\n    }\n\n    /// The message with a value for each placeholder, in `language` when the catalogue gives\n    /// one, else in the default language; an error names a placeholder given no value, or a\n    /// name given that is none of them.\n    pub fn format(\n        self,\n        params: &[(&str, &dyn fmt::Display)],\n        language: Option<&str>,\n    ) -> Result<String, FormatError> {\n        support::format(self, params, language)\n    }\n\n    /// The solution with a value for each placeholder, as [`Code::format`] gives the message;\n    /// `Ok(None)` when the catalogue gives no solution.\n    pub fn format_solution(\n        self,\n        params: &[(&str, &dyn fmt::Display)],\n        language: Option<&str>,\n    ) -> Result<Option<String>, FormatError> {\n        support::format_solution(self, params, language)\n    }\n\n    /// The [`Error`] of a code without placeholders; a code with placeholders has a typed\n    /// constructor (`Error::invalid_op(op)`), and [`Error::new`] checks them at run time.\n    ///\n    /// # Panics\n    ///\n    /// When the code has placeholders; the message names its constructor.\n    pub fn error(self) -> Error {\n        Error::plain(self)\n    }\n}\n\nimpl PlatformCode for Code {\n    const PLATFORM: &'static str = "
    yield str(t_4(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform')))
    yield ';\n}\n\nimpl Sealed for Code {\n    '
    yield str((undefined(name='docs') if l_0_docs is missing else l_0_docs))
    yield "\n\n    fn fmt_code(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        fmt::Display::fmt(&self.code(), f)\n    }\n\n    fn rules() -> &'static Rules<Self> {\n        &RULES\n    }\n\n    fn defined(code: Key<'_>) -> Option<Self> {\n        match code {\n"
    if (undefined(name='integer') if l_0_integer is missing else l_0_integer):
        pass
        yield '            Key::Integer(code) => code.try_into().ok(),\n            Key::Text(_) => None,\n'
    else:
        pass
        yield '            Key::Integer(_) => None,\n            Key::Text(code) => code.parse().ok(),\n'
    yield "        }\n    }\n\n    #[allow(deprecated)]\n    fn info(self) -> &'static Info<Self> {\n        match self {\n"
    for (l_1_open, l_1_pad, l_1_close, l_1_code, l_1_name, l_1_messages, l_1_solutions, l_1_category, l_1_http_status, l_1_retryable, l_1_reason, l_1_replaced_by, l_1_constructor) in (undefined(name='infos') if l_0_infos is missing else l_0_infos):
        l_1_strings = resolve('strings')
        _loop_vars = {}
        pass
        yield '            '
        yield str(l_1_open)
        yield '\n'
        if (not (undefined(name='integer') if l_0_integer is missing else l_0_integer)):
            pass
            yield str(l_1_pad)
            yield str(l_1_code)
            yield '\n'
        yield str(l_1_pad)
        yield str(l_1_name)
        yield '\n'
        yield str(l_1_messages)
        yield '\n'
        if (not t_5(l_1_solutions)):
            pass
            yield str(l_1_solutions)
            yield '\n'
        if (not t_5(l_1_category)):
            pass
            yield str(l_1_pad)
            yield str(l_1_category)
            yield '\n'
        if (not t_5(l_1_http_status)):
            pass
            yield str(l_1_pad)
            yield 'http_status: Some('
            yield str(l_1_http_status)
            yield '),\n'
        if (not t_5(l_1_retryable)):
            pass
            yield str(l_1_pad)
            yield 'retryable: Some('
            yield str(l_1_retryable)
            yield '),\n'
        if (not t_5(l_1_reason)):
            pass
            yield str(l_1_pad)
            yield 'deprecation: Some(Deprecation {\n'
            yield str(l_1_pad)
            yield '    r: '
            yield str(l_1_reason)
            yield ',\n'
            if (not t_5(l_1_replaced_by)):
                pass
                yield str(l_1_pad)
                yield '    '
                yield str(l_1_replaced_by)
                yield '\n'
            else:
                pass
                yield str(l_1_pad)
                yield '    replaced_by: None,\n'
            yield str(l_1_pad)
            yield '}),\n'
        if (not t_5(l_1_constructor)):
            pass
            yield str(l_1_pad)
            yield str(l_1_constructor)
            yield '\n'
        if (((undefined(name='integer') if l_0_integer is missing else l_0_integer) and (undefined(name='strings') if l_1_strings is missing else l_1_strings)) or (not ((((((not t_5(l_1_solutions)) and (not t_5(l_1_category))) and (not t_5(l_1_http_status))) and (not t_5(l_1_retryable))) and (not t_5(l_1_reason))) and (not t_5(l_1_constructor))))):
            pass
            yield str(l_1_pad)
            yield '..Info::NONE\n'
        yield str(l_1_close)
        yield '\n'
    l_1_open = l_1_pad = l_1_close = l_1_code = l_1_name = l_1_messages = l_1_solutions = l_1_category = l_1_http_status = l_1_retryable = l_1_reason = l_1_replaced_by = l_1_constructor = l_1_strings = missing
    yield '        }\n    }\n}\n'
    if (undefined(name='integer') if l_0_integer is missing else l_0_integer):
        pass
        yield '\nimpl TryFrom<i64> for Code {\n    type Error = UnknownCode;\n\n    /// The code the catalogue defines as `code`.\n    #[allow(deprecated)]\n    fn try_from(code: i64) -> Result<Self, UnknownCode> {\n        Ok(match code {\n'
        for l_1_arm in (undefined(name='arms') if l_0_arms is missing else l_0_arms):
            _loop_vars = {}
            pass
            yield '            '
            yield str(l_1_arm)
            yield '\n'
        l_1_arm = missing
        yield '            _ => return Err(UnknownCode),\n        })\n    }\n}\n\nimpl FromStr for Code {\n    type Err = UnknownCode;\n\n    /// The code written in decimal, such as `40001`.\n    fn from_str(code: &str) -> Result<Self, UnknownCode> {\n        code.parse::<i64>().map_err(|_| UnknownCode)?.try_into()\n    }\n}\n'
    else:
        pass
        yield '\nimpl FromStr for Code {\n    type Err = UnknownCode;\n\n    /// The code whose text is `code`.\n    #[allow(deprecated)]\n    fn from_str(code: &str) -> Result<Self, UnknownCode> {\n        Ok(match code {\n'
        for l_1_arm in (undefined(name='arms') if l_0_arms is missing else l_0_arms):
            _loop_vars = {}
            pass
            yield '            '
            yield str(l_1_arm)
            yield '\n'
        l_1_arm = missing
        yield '            _ => return Err(UnknownCode),\n        })\n    }\n}\n'
    yield "\nimpl fmt::Display for Code {\n    /// The message: see [`Code::message`].\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        f.write_str(self.message())\n    }\n}\n\nimpl std::error::Error for Code {}\n\n/// How responses are classified: compiled from the catalogue's `response` section, its\n/// entries' messages and their `match` sections.\n#[allow(deprecated)]\n"
    yield str((undefined(name='rules') if l_0_rules is missing else l_0_rules))
    yield '\n'
    if (undefined(name='typed') if l_0_typed is missing else l_0_typed):
        pass
        yield '\n/// A typed constructor for each code with placeholders: one argument a placeholder.\nimpl Error {\n'
        l_1_loop = missing
        for (l_1_name, l_1_code, l_1_message, l_1_note, l_1_signature, l_1_body), l_1_loop in LoopContext((undefined(name='typed') if l_0_typed is missing else l_0_typed), undefined):
            _loop_vars = {}
            pass
            if (not environment.getattr(l_1_loop, 'first')):
                pass
                yield '\n'
            yield '    /// `'
            yield str(l_1_name)
            yield '` ('
            yield str(l_1_code)
            yield '): '
            yield str(l_1_message)
            yield '\n'
            if (not t_5(l_1_note)):
                pass
                yield '    #[deprecated = '
                yield str(l_1_note)
                yield ']\n    #[allow(deprecated)] // it names its deprecated code\n'
            yield str(l_1_signature)
            yield '\n'
            yield str(l_1_body)
            yield '\n    }\n'
        l_1_loop = l_1_name = l_1_code = l_1_message = l_1_note = l_1_signature = l_1_body = missing
        yield '}\n'

blocks = {}
debug_info = '1=54&3=56&5=60&10=62&15=64&21=66&38=68&43=70&47=74&48=78&49=84&50=87&52=89&53=92&55=97&59=101&64=104&65=108&66=112&67=114&75=119&78=121&94=128&98=131&99=135&204=143&208=145&220=147&233=154&234=159&235=161&236=163&238=166&239=169&240=171&241=173&243=175&244=177&246=180&247=182&249=186&250=188&252=192&253=194&254=196&255=200&256=202&258=208&260=210&262=212&263=214&266=217&268=219&270=221&275=225&284=228&285=232&309=239&310=243&330=248&331=250&335=254&336=257&339=261&340=267&341=270&344=272&345=274'
# Generated by python -m codegen.precompile from templates/rust/module.rs.j2 by Jinja2 3.1.6: do not edit.
