from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package.go.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    l_0_catalog = resolve('catalog')
    l_0_go_type = resolve('go_type')
    l_0_constants = resolve('constants')
    l_0_constructors = resolve('constructors')
    l_0_docs = resolve('docs')
    l_0_identifiers = resolve('identifiers')
    l_0_infos = resolve('infos')
    l_0_rules = resolve('rules')
    try:
        t_1 = environment.filters['go_comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'go_comment' found.")
    try:
        t_2 = environment.filters['go_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'go_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n// Package '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ' holds the error codes of '
    yield str(t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield '.\n//\n// Source: '
    yield str(t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '\n//\n// A [Code] is an error value: errors.Is(err, '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ".X) tells whether err is, or wraps, an\n// [Error] of code X. An [Error] carries a code and the parameters that fill its texts: build\n// one with the code's constructor (NewX(...)) when its texts have placeholders, with\n// X.Err() when they have none, or with [New], checked at run time. [Classify] and\n// [ClassifyText] tell which error a response of the API means.\npackage "
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '\n\nimport (\n\t"encoding/json"\n\t"fmt"\n'
    if ((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type) != 'string'):
        pass
        yield '\t"math"\n'
    yield '\t"sort"\n\t"strconv"\n\t"strings"\n\t"unicode/utf8"\n)\n\n// Code is an error code of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '.\ntype Code '
    yield str((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type))
    yield '\n\n// The codes of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '.\nconst (\n'
    l_1_loop = missing
    for (l_1_identifier, l_1_code, l_1_comment, l_1_value, l_1_deprecated, l_1_replaced_by, l_1_aliases), l_1_loop in LoopContext((undefined(name='constants') if l_0_constants is missing else l_0_constants), undefined):
        _loop_vars = {}
        pass
        if (not environment.getattr(l_1_loop, 'first')):
            pass
            yield '\n'
        yield '\t// '
        yield str(l_1_identifier)
        yield ' ('
        yield str(l_1_code)
        yield '): '
        yield str(l_1_comment)
        yield '\n'
        if (not t_3(l_1_deprecated)):
            pass
            yield '\t//\n\t// Deprecated: '
            yield str(l_1_deprecated)
            if (not t_3(l_1_replaced_by)):
                pass
                yield ' Use '
                yield str(l_1_replaced_by)
                yield ' instead.'
            yield '\n'
        yield '\t'
        yield str(l_1_identifier)
        yield ' Code = '
        yield str(l_1_value)
        yield '\n'
        for l_2_alias in l_1_aliases:
            _loop_vars = {}
            pass
            yield '\n\t// '
            yield str(l_2_alias)
            yield ' is the former name of '
            yield str(l_1_identifier)
            yield '.\n\t//\n\t// Deprecated: Use '
            yield str(l_1_identifier)
            yield ' instead.\n\t'
            yield str(l_2_alias)
            yield ' = '
            yield str(l_1_identifier)
            yield '\n'
        l_2_alias = missing
    l_1_loop = l_1_identifier = l_1_code = l_1_comment = l_1_value = l_1_deprecated = l_1_replaced_by = l_1_aliases = missing
    yield ')\n'
    for (l_1_constructor, l_1_identifier, l_1_code, l_1_comment, l_1_deprecated, l_1_replaced_by, l_1_signature, l_1_arguments) in (undefined(name='constructors') if l_0_constructors is missing else l_0_constructors):
        _loop_vars = {}
        pass
        yield '\n// '
        yield str(l_1_constructor)
        yield ' returns the error '
        yield str(l_1_identifier)
        yield ' ('
        yield str(l_1_code)
        yield '), each placeholder filled with its value\n// as fmt.Sprint writes it: '
        yield str(l_1_comment)
        yield '\n'
        if (not t_3(l_1_deprecated)):
            pass
            yield '//\n// Deprecated: '
            yield str(l_1_deprecated)
            if (not t_3(l_1_replaced_by)):
                pass
                yield ' Use '
                yield str(l_1_replaced_by)
                yield ' instead.'
            yield '\n'
        yield 'func '
        yield str(l_1_constructor)
        yield '('
        yield str(l_1_signature)
        yield ' any) *Error {\n\treturn newError('
        yield str(l_1_identifier)
        yield ', map[string]any{'
        yield str(l_1_arguments)
        yield '})\n}\n'
    l_1_constructor = l_1_identifier = l_1_code = l_1_comment = l_1_deprecated = l_1_replaced_by = l_1_signature = l_1_arguments = missing
    yield '\n// Info is what the catalogue says about one code. [Lookup] returns a copy of its own to\n// each caller: changing it changes nothing for the next one.\ntype Info struct {\n\tCode         Code\n\tName         string            // the catalogue name, e.g. "INVALID_API_KEY"\n\tAliases      []string          // former names, which ByName still finds; nil when none\n\tMessages     map[string]string // the message by language tag ("en", "zh", ...)\n\tSolutions    map[string]string // what to do about the error, by language tag\n\tPlaceholders []string          // the parameters its texts take, e.g. "limit"; nil when none\n\tCategory     string            // the kind of error, e.g. "rate_limit"; "" when not classified\n\tHTTPStatus   int               // the HTTP status the API answers with; 0 when not known\n\tRetryable    *bool             // whether retrying later can succeed; nil when not known\n\tDeprecated   *Deprecation      // nil when the code is not deprecated\n}\n\n// Deprecation says why a code is deprecated and which code to use instead.\ntype Deprecation struct {\n\tReason     string\n\tReplacedBy string // the name of the code to use instead; "" when none\n}\n\n// Lookup returns what the catalogue says about code, and false for a code it does not define.\nfunc Lookup(code Code) (Info, bool) {\n\tinfo, ok := infos[code]\n\tif !ok {\n\t\treturn Info{}, false\n\t}\n\tinfo.Aliases = append([]string(nil), info.Aliases...)\n\tinfo.Messages = copyTexts(info.Messages)\n\tinfo.Solutions = copyTexts(info.Solutions)\n\tinfo.Placeholders = append([]string(nil), info.Placeholders...)\n\tif info.Retryable != nil {\n\t\tinfo.Retryable = ptr(*info.Retryable)\n\t}\n\tif info.Deprecated != nil {\n\t\tinfo.Deprecated = ptr(*info.Deprecated)\n\t}\n\treturn info, true\n}\n\n// ByName returns the code that the catalogue names name, by its name or a former one (an\n// alias), and false for a name it does not define. Names are case-sensitive.\nfunc ByName(name string) (Code, bool) {\n\tcode, ok := names[name]\n\treturn code, ok\n}\n\n// Codes returns every code in catalogue order, each once (aliases are not repeated).\nfunc Codes() []Code {\n\treturn append([]Code(nil), codes...)\n}\n\n// String returns the catalogue name of c, or Code('
    yield str(('"..."' if ((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type) == 'string') else '...'))
    yield ') for a code it does not define.\nfunc (c Code) String() string {\n\tif info, ok := infos[c]; ok {\n\t\treturn info.Name\n\t}\n'
    if ((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type) == 'string'):
        pass
        yield '\treturn "Code(" + strconv.Quote(string(c)) + ")"\n'
    else:
        pass
        yield '\treturn "Code(" + strconv.FormatInt(int64(c), 10) + ")"\n'
    yield '}\n\n// Message returns the message of c in English, else Chinese, else another language;\n// "" for a code the catalogue does not define. Its placeholders are left as written: see\n// Format.\nfunc (c Code) Message() string {\n\treturn infos[c].Message()\n}\n\n// Error makes c an error, and so a target of errors.Is. Its text is that of c.Err(),\n// "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code>: <message>", for a code whose texts have no placeholders;\n// "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code> <NAME>" for a code whose texts have some, and "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code>" for\n// a code the catalogue does not define. fmt\'s %v and %s print this text; String gives\n// the name.\nfunc (c Code) Error() string {\n\tinfo, ok := infos[c]\n\tswitch {\n\tcase !ok:\n\t\treturn platform + " " + c.text()\n\tcase len(info.Placeholders) > 0:\n\t\treturn platform + " " + c.text() + " " + info.Name\n\t}\n\treturn platform + " " + c.text() + ": " + info.Message()\n}\n\n// DocURL returns the address of the documentation of c; "" when the project configures\n// none, and for a code the catalogue does not define.\nfunc (c Code) DocURL() string {\n\tif _, ok := infos[c]; !ok || docs == "" {\n\t\treturn ""\n\t}\n\treturn docs + c.text()\n}\n\n// Err returns the error of c, for a code whose texts have no placeholders. For a code\n// whose texts have some, Err panics with a message naming its constructor: build that\n// error with the constructor (NewX) or with New, which check what fills them. For a code\n// the catalogue does not define, Err returns an error with an empty message, whose text\n// is "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code>".\nfunc (c Code) Err() *Error {\n\tif name := constructor(c); name != "" {\n\t\tpanic(platform + ": " + c.String() + ".Err(): its texts have placeholders (" +\n\t\t\tstrings.Join(infos[c].Placeholders, ", ") + "): use " + name + " or New")\n\t}\n\treturn &Error{code: c, message: c.Message()}\n}\n\n// Format returns the message of c in English, else Chinese, else another language, each\n// placeholder {name} replaced by params[name] as fmt.Sprint writes it. It fails, naming\n// the parameter and the code, when params lacks a parameter of c\'s texts (reported first)\n// or holds one they do not take, and for a code the catalogue does not define.\nfunc (c Code) Format(params map[string]any) (string, error) {\n\treturn c.FormatIn("", params)\n}\n\n// FormatIn is Format with the message in language when the catalogue has one in it, else\n// in the default language.\nfunc (c Code) FormatIn(language string, params map[string]any) (string, error) {\n\tinfo, err := c.check(params)\n\tif err != nil {\n\t\treturn "", err\n\t}\n\treturn fill(in(info.Messages, language), params), nil\n}\n\n// New returns the error of code with params filling the placeholders of its texts (each\n// written as fmt.Sprint writes it). It fails as Format fails: for a parameter that\n// params lacks or that the code does not take, naming it, and for an undefined code.\nfunc New(code Code, params map[string]any) (*Error, error) {\n\tif _, err := code.check(params); err != nil {\n\t\treturn nil, err\n\t}\n\treturn newError(code, copyParams(params)), nil\n}\n\n// Error is an error of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ': a code and the parameters that fill its texts.\n// Build one with the code\'s constructor (NewX), X.Err() or New; find one in a chain\n// with errors.As. Its text is "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code>: <message>", the message in English,\n// else Chinese, else another language.\ntype Error struct {\n\tcode    Code\n\tparams  map[string]any\n\tmessage string\n}\n\nfunc newError(code Code, params map[string]any) *Error {\n\treturn &Error{code: code, params: params, message: fill(infos[code].Message(), params)}\n}\n\n// Error returns "'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' <code>: <message>".\nfunc (e *Error) Error() string {\n\tif _, ok := infos[e.code]; !ok {\n\t\treturn platform + " " + e.code.text()\n\t}\n\treturn platform + " " + e.code.text() + ": " + e.message\n}\n\n// Is reports whether target is the code of e, so that errors.Is(err, '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '.X) finds it.\nfunc (e *Error) Is(target error) bool {\n\tcode, ok := target.(Code)\n\treturn ok && code == e.code\n}\n\n// Code returns the code of e.\nfunc (e *Error) Code() Code {\n\treturn e.code\n}\n\n// Params returns a copy of the parameters that fill the texts of e, by placeholder name.\nfunc (e *Error) Params() map[string]any {\n\treturn copyParams(e.params)\n}\n\n// Message returns the message of e in English, else Chinese, else another language, its\n// placeholders filled.\nfunc (e *Error) Message() string {\n\treturn e.message\n}\n\n// MessageIn returns the message of e in language when the catalogue has one in it, else in\n// the default language, its placeholders filled.\nfunc (e *Error) MessageIn(language string) string {\n\treturn fill(in(infos[e.code].Messages, language), e.params)\n}\n\n// Solution returns what to do about e in English, else Chinese, else another language, its\n// placeholders filled; "" when the catalogue says nothing.\nfunc (e *Error) Solution() string {\n\treturn e.SolutionIn("")\n}\n\n// SolutionIn returns what to do about e in language when the catalogue has it in that\n// language, else in the default language, its placeholders filled; "" when the catalogue\n// says nothing.\nfunc (e *Error) SolutionIn(language string) string {\n\treturn fill(in(infos[e.code].Solutions, language), e.params)\n}\n\n// Category returns the kind of error, e.g. "rate_limit"; "" when not classified.\nfunc (e *Error) Category() string {\n\treturn infos[e.code].Category\n}\n\n// HTTPStatus returns the HTTP status the API answers with; 0 when not known.\nfunc (e *Error) HTTPStatus() int {\n\treturn infos[e.code].HTTPStatus\n}\n\n// Retryable returns whether retrying later can succeed; nil when not known. The value is\n// the caller\'s own.\nfunc (e *Error) Retryable() *bool {\n\tif retryable := infos[e.code].Retryable; retryable != nil {\n\t\treturn ptr(*retryable)\n\t}\n\treturn nil\n}\n\n// DocURL returns the address of the documentation of the code of e, as Code.DocURL does.\nfunc (e *Error) DocURL() string {\n\treturn e.code.DocURL()\n}\n\n// How says what identified the error of a response: its code, its message or its HTTP\n// status.\ntype How string\n\n// What identified the error of a response.\nconst (\n\t// ByCode means the response carries a code that the catalogue defines.\n\tByCode How = "code"\n\t// ByMessage means the response\'s message matches a text of the catalogue.\n\tByMessage How = "message"\n\t// ByStatus means the catalogue lists the response\'s HTTP status for the code.\n\tByStatus How = "status"\n)\n\n// Classification is the error of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' that a response means: see [Classify].\ntype Classification struct {\n\tCode Code\n\tHow  How\n\t// Params holds what the message has in place of each wildcard of the text of the\n\t// catalogue that it matches, by name; nil when none.\n\tParams map[string]string\n}\n\n// Classify returns the error of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' that a response means, and false when\n// it means none that the catalogue knows. status is the HTTP status, 0 for none (a\n// websocket message); body is the response as encoding/json decodes it into an any: maps,\n// slices, float64 (or json.Number, with UseNumber), strings, bools and nil. A code that\n// the catalogue defines says which error it is, its parameters read from the message;\n// else the message, by the text of the catalogue it matches best; else a generic code;\n// else the status. Each call returns Params of its own. Classify never panics.\nfunc Classify(status int, body any) (Classification, bool) {\n\tcode, message, hasCode, hasMessage := read(body)\n\tvar m, lm string\n\tif hasMessage {\n\t\tm, lm = normalize(message)\n\t}\n\t_, defined := infos[code]\n\tdefined = defined && hasCode\n\tif defined && !contains(generic, code) {\n\t\treturn Classification{code, ByCode, search(m, lm, hasMessage, own[code])}, true\n\t}\n\tif hasMessage {\n\t\tif p, values := best(m, lm, starting(lm)); p != nil {\n\t\t\treturn Classification{p.code, ByMessage, p.params(values)}, true\n\t\t}\n\t}\n\tif defined {\n\t\treturn Classification{code, ByCode, search(m, lm, hasMessage, own[code])}, true\n\t}\n\tfor _, s := range statuses {\n\t\tif status != 0 && s.status == status {\n\t\t\treturn Classification{s.code, ByStatus, nil}, true\n\t\t}\n\t}\n\treturn Classification{}, false\n}\n\n// ClassifyText is [Classify] for a body as the API sent it: JSON text, which it decodes\n// with encoding/json. Text that is not JSON, holds a number beyond a float64 or nests\n// arrays and objects more than 512 deep is no body: only status can classify it.\nfunc ClassifyText(status int, text []byte) (Classification, bool) {\n\treturn Classify(status, decode(text))\n}\n\n// Err returns the error of c: its code with Params filling its texts when they are exactly\n// the code\'s parameters, else its code alone when the code has no parameters, else nil\n// (a code whose texts have placeholders, classified without a message that fills them).\nfunc (c Classification) Err() *Error {\n\tinfo, ok := infos[c.Code]\n\tif !ok {\n\t\treturn nil\n\t}\n\tparams := make(map[string]any, len(c.Params))\n\tfor _, name := range info.Placeholders {\n\t\tif value, ok := c.Params[name]; ok {\n\t\t\tparams[name] = value\n\t\t}\n\t}\n\tswitch {\n\tcase len(params) == len(info.Placeholders) && len(params) == len(c.Params):\n\t\treturn newError(c.Code, params)\n\tcase len(info.Placeholders) == 0:\n\t\treturn newError(c.Code, nil)\n\t}\n\treturn nil\n}\n\n// Message returns the message in English, else Chinese, else another language.\nfunc (i Info) Message() string {\n\treturn preferred(i.Messages)\n}\n\n// MessageIn returns the message in language, and false when the catalogue has none.\nfunc (i Info) MessageIn(language string) (string, bool) {\n\ttext, ok := i.Messages[language]\n\treturn text, ok\n}\n\n// Solution returns what to do about the error in English, else Chinese, else another\n// language; "" when the catalogue says nothing.\nfunc (i Info) Solution() string {\n\treturn preferred(i.Solutions)\n}\n\n// SolutionIn returns what to do about the error in language, and false when the\n// catalogue has nothing in that language.\nfunc (i Info) SolutionIn(language string) (string, bool) {\n\ttext, ok := i.Solutions[language]\n\treturn text, ok\n}\n\nconst platform = '
    yield str(t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform')))
    yield '\n\n// docs is where the codes are documented: the address of a code\'s documentation is docs and\n// the code; "" when the project configures none.\nconst docs = '
    yield str(t_2((undefined(name='docs') if l_0_docs is missing else l_0_docs)))
    yield '\n\n// text returns c as the catalogue writes it.\nfunc (c Code) text() string {\n'
    if ((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type) == 'string'):
        pass
        yield '\treturn string(c)\n'
    else:
        pass
        yield '\treturn strconv.FormatInt(int64(c), 10)\n'
    yield '}\n\n// check returns what the catalogue says about c, or an error naming the first parameter\n// of c\'s texts that params lacks, else the first (in sorted order) that they do not take.\nfunc (c Code) check(params map[string]any) (Info, error) {\n\tinfo, ok := infos[c]\n\tif !ok {\n\t\treturn info, fmt.Errorf("%s %s: not a code of the catalogue", platform, c.text())\n\t}\n\tfor _, name := range info.Placeholders {\n\t\tif _, ok := params[name]; !ok {\n\t\t\treturn info, fmt.Errorf("%s %s %s: missing parameter %q", platform, c.text(), info.Name, name)\n\t\t}\n\t}\n\tif len(params) > len(info.Placeholders) {\n\t\tvar unknown []string\n\t\tfor name := range params {\n\t\t\tif !contains(info.Placeholders, name) {\n\t\t\t\tunknown = append(unknown, name)\n\t\t\t}\n\t\t}\n\t\tsort.Strings(unknown)\n\t\ttakes := strings.Join(info.Placeholders, ", ")\n\t\tif takes == "" {\n\t\t\ttakes = "none"\n\t\t}\n\t\treturn info, fmt.Errorf("%s %s %s: unknown parameter %q (it takes %s)", platform, c.text(), info.Name, unknown[0], takes)\n\t}\n\treturn info, nil\n}\n\n// shape is where one shape of response holds the code and the message: the reference\n// tokens of a JSON Pointer, nil for none ([]string{} is the whole body).\ntype shape struct {\n\tcode, message []string\n\ttext          bool // the code is a JSON string that holds it\n}\n\n// pattern is a text of the catalogue that a message may match, normalised: literals\n// around wildcards, one literal more than there are wildcards (names).\ntype pattern struct {\n\tcode     Code\n\tliterals []string\n\tnames    []string\n}\n\n// read returns the code and the message of body where the first shape that finds either\n// of them says.\nfunc read(body any) (code Code, message string, hasCode, hasMessage bool) {\n\tif body == nil {\n\t\treturn code, message, false, false\n\t}\n\tfor _, s := range shapes {\n\t\tif s.code != nil {\n\t\t\tcode, hasCode = readCode(resolve(body, s.code), s.text)\n\t\t}\n\t\tif s.message != nil {\n\t\t\tmessage, hasMessage = resolve(body, s.message).(string)\n\t\t}\n\t\tif hasCode || hasMessage {\n\t\t\treturn code, message, hasCode, hasMessage\n\t\t}\n\t}\n\treturn code, message, false, false\n}\n\n// resolve returns what the JSON Pointer of tokens points at in value, nil for nothing.\nfunc resolve(value any, tokens []string) any {\n\tfor _, token := range tokens {\n\t\tswitch v := value.(type) {\n\t\tcase map[string]any:\n\t\t\tvalue = v[token]\n\t\tcase []any:\n\t\t\ti, ok := integer(token)\n\t\t\tif !ok || i >= int64(len(v)) {\n\t\t\t\treturn nil\n\t\t\t}\n\t\t\tvalue = v[i]\n\t\tdefault:\n\t\t\treturn nil\n\t\t}\n\t}\n\treturn value\n}\n\n'
    if ((undefined(name='go_type') if l_0_go_type is missing else l_0_go_type) == 'string'):
        pass
        yield '// readCode returns the code that value holds: a JSON string.\nfunc readCode(value any, _ bool) (Code, bool) {\n\tcode, ok := value.(string)\n\treturn Code(code), ok\n}\n'
    else:
        pass
        yield '// readCode returns the code that value holds: an integral number, or a string holding a\n// canonical decimal integer when text is true, of at most 2^53-1 either side of 0.\nfunc readCode(value any, text bool) (Code, bool) {\n\tvar n int64\n\tvar ok bool\n\tswitch v := value.(type) {\n\tcase float64:\n\t\tn, ok = int64(v), !text && v == math.Trunc(v) && math.Abs(v) < 1<<53\n\tcase json.Number:\n\t\tn, ok = number(string(v))\n\t\tok = ok && !text\n\tcase string:\n\t\tn, ok = integer(strings.TrimPrefix(v, "-"))\n\t\tif strings.HasPrefix(v, "-") {\n\t\t\tn, ok = -n, ok && n != 0\n\t\t}\n\t\tok = ok && text\n\t}\n\treturn Code(n), ok && -1<<53 < n && n < 1<<53\n}\n\n// number returns the integer that a JSON number holds: exactly when it is written without\n// a fraction or an exponent, else as the nearest float64 does.\nfunc number(text string) (int64, bool) {\n\tif !strings.ContainsAny(text, ".eE") {\n\t\tn, err := strconv.ParseInt(text, 10, 64)\n\t\treturn n, err == nil\n\t}\n\tf, err := strconv.ParseFloat(text, 64)\n\treturn int64(f), err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53\n}\n'
    yield '\n// integer returns the value of a canonical decimal: 0, or up to 16 digits that do not\n// start with 0.\nfunc integer(text string) (int64, bool) {\n\tif text == "" || len(text) > 16 || text[0] == \'0\' && text != "0" {\n\t\treturn 0, false\n\t}\n\tvar n int64\n\tfor i := 0; i < len(text); i++ {\n\t\tif text[i] < \'0\' || text[i] > \'9\' {\n\t\t\treturn 0, false\n\t\t}\n\t\tn = n*10 + int64(text[i]-\'0\')\n\t}\n\treturn n, true\n}\n\n// normalize returns text with the ASCII whitespace at both ends removed and each run of\n// it inside made one space, and a copy of that with ASCII letters in lower case.\nfunc normalize(text string) (string, string) {\n\tnormal := make([]byte, 0, len(text))\n\tspace := false\n\tfor i := 0; i < len(text); i++ {\n\t\tswitch c := text[i]; c {\n\t\tcase \' \', \'\\t\', \'\\n\', \'\\v\', \'\\f\', \'\\r\':\n\t\t\tspace = len(normal) > 0\n\t\tdefault:\n\t\t\tif space {\n\t\t\t\tnormal = append(normal, \' \')\n\t\t\t\tspace = false\n\t\t\t}\n\t\t\tnormal = append(normal, c)\n\t\t}\n\t}\n\tm := string(normal)\n\tfor i, c := range normal {\n\t\tif \'A\' <= c && c <= \'Z\' {\n\t\t\tnormal[i] = c + \'a\' - \'A\'\n\t\t}\n\t}\n\treturn m, string(normal)\n}\n\n// search returns the parameters of the candidate pattern that best matches the message m\n// (lm in lower case); nil when there is no message or none matches.\nfunc search(m, lm string, hasMessage bool, candidates []int) map[string]string {\n\tif !hasMessage {\n\t\treturn nil\n\t}\n\tp, values := best(m, lm, candidates)\n\treturn p.params(values)\n}\n\n// best returns the candidate pattern that matches m (lm in lower case) with the longest\n// literals, the first of them on a tie, and the values of its wildcards; nil when none\n// matches. candidates are indexes of patterns, in order.\nfunc best(m, lm string, candidates []int) (found *pattern, values []string) {\n\tvar spare []string\n\tlongest := -1\n\tfor _, i := range candidates {\n\t\tif p := &patterns[i]; lengths[i] > longest {\n\t\t\tif matched, ok := p.match(m, lm, spare[:0]); ok {\n\t\t\t\tfound, values, spare, longest = p, matched, values, lengths[i]\n\t\t\t}\n\t\t}\n\t}\n\treturn found, values\n}\n\n// match tells whether m (lm in lower case) matches p, and appends the value of each of its\n// wildcards to values.\nfunc (p *pattern) match(m, lm string, values []string) ([]string, bool) {\n\tif !strings.HasPrefix(lm, p.literals[0]) {\n\t\treturn values, false\n\t}\n\tat := len(p.literals[0])\n\tfor _, literal := range p.literals[1:] {\n\t\tend := -1\n\t\tswitch {\n\t\tcase literal == "":\n\t\t\tif end = strings.IndexByte(m[at:], \' \'); end < 0 {\n\t\t\t\tend = len(m) - at\n\t\t\t}\n\t\t\tend += at\n\t\tcase at < len(lm):\n\t\t\tif end = strings.Index(lm[at+1:], literal); end >= 0 {\n\t\t\t\tend += at + 1\n\t\t\t}\n\t\t}\n\t\tif end <= at {\n\t\t\treturn values, false\n\t\t}\n\t\tvalues = append(values, m[at:end])\n\t\tat = end + len(literal)\n\t}\n\treturn values, at == 0 || at == len(m) || !word(m[at-1]) || !word(m[at])\n}\n\n// starting returns the patterns that lm may match: those whose first literal starts with\n// the byte lm starts with, or is empty.\nfunc starting(lm string) []int {\n\tif lm == "" {\n\t\treturn starts[256]\n\t}\n\treturn starts[lm[0]]\n}\n\n// params returns the wildcards of p by name, each with its value; nil when there are none.\nfunc (p *pattern) params(values []string) map[string]string {\n\tif p == nil || len(p.names) == 0 {\n\t\treturn nil\n\t}\n\tparams := make(map[string]string, len(p.names))\n\tfor i, name := range p.names {\n\t\tparams[name] = values[i]\n\t}\n\treturn params\n}\n\nfunc word(c byte) bool {\n\treturn c == \'_\' || \'a\' <= c && c <= \'z\' || \'A\' <= c && c <= \'Z\' || \'0\' <= c && c <= \'9\'\n}\n\n// decode returns the JSON value of text, nil when text is not JSON, holds a number beyond\n// a float64 or nests arrays and objects more than 512 deep.\nfunc decode(text []byte) any {\n\tdepth, quoted := 0, false\n\tfor i := 0; i < len(text); i++ {\n\t\tswitch c := text[i]; {\n\t\tcase quoted && c == \'\\\\\':\n\t\t\ti++\n\t\tcase c == \'"\':\n\t\t\tquoted = !quoted\n\t\tcase quoted:\n\t\tcase c == \'[\' || c == \'{\':\n\t\t\tif depth++; depth > 512 {\n\t\t\t\treturn nil\n\t\t\t}\n\t\tcase c == \']\' || c == \'}\':\n\t\t\tdepth--\n\t\t}\n\t}\n\tvar body any\n\tif json.Unmarshal(text, &body) != nil {\n\t\treturn nil\n\t}\n\treturn body\n}\n\nfunc contains[T comparable](list []T, item T) bool {\n\tfor _, n := range list {\n\t\tif n == item {\n\t\t\treturn true\n\t\t}\n\t}\n\treturn false\n}\n\n// fill replaces each placeholder of text, {name} with name a letter or \'_\' followed by\n// letters, digits and \'_\', by fmt.Sprint(params[name]), in one pass from left to right:\n// what a value holds is never read again, and every other brace is text.\nfunc fill(text string, params map[string]any) string {\n\tif len(params) == 0 {\n\t\treturn text\n\t}\n\tvar out strings.Builder\n\tfor {\n\t\tstart := strings.IndexByte(text, \'{\')\n\t\tif start < 0 {\n\t\t\tout.WriteString(text)\n\t\t\treturn out.String()\n\t\t}\n\t\tout.WriteString(text[:start])\n\t\ttext = text[start:]\n\t\tif name, ok := placeholder(text); ok {\n\t\t\tout.WriteString(fmt.Sprint(params[name]))\n\t\t\ttext = text[len(name)+2:]\n\t\t} else {\n\t\t\tout.WriteByte(\'{\')\n\t\t\ttext = text[1:]\n\t\t}\n\t}\n}\n\n// placeholder returns the name of the placeholder that text starts with.\nfunc placeholder(text string) (string, bool) {\n\tfor i := 1; i < len(text); i++ {\n\t\tswitch c := text[i]; {\n\t\tcase c == \'}\' && i > 1:\n\t\t\treturn text[1:i], true\n\t\tcase c == \'_\', \'a\' <= c && c <= \'z\', \'A\' <= c && c <= \'Z\', \'0\' <= c && c <= \'9\' && i > 1:\n\t\tdefault:\n\t\t\treturn "", false\n\t\t}\n\t}\n\treturn "", false\n}\n\n// in returns the text in language when there is one, else the preferred one.\nfunc in(texts map[string]string, language string) string {\n\tif text, ok := texts[language]; ok {\n\t\treturn text\n\t}\n\treturn preferred(texts)\n}\n\nfunc preferred(texts map[string]string) string {\n\tfor _, language := range [...]string{"en", "zh"} {\n\t\tif text, ok := texts[language]; ok {\n\t\t\treturn text\n\t\t}\n\t}\n\tfirst := ""\n\tfor language := range texts {\n\t\tif first == "" || language < first {\n\t\t\tfirst = language\n\t\t}\n\t}\n\treturn texts[first]\n}\n\nfunc copyTexts(texts map[string]string) map[string]string {\n\tif texts == nil {\n\t\treturn nil\n\t}\n\tcopied := make(map[string]string, len(texts))\n\tfor language, text := range texts {\n\t\tcopied[language] = text\n\t}\n\treturn copied\n}\n\nfunc copyParams(params map[string]any) map[string]any {\n\tcopied := make(map[string]any, len(params))\n\tfor name, value := range params {\n\t\tcopied[name] = value\n\t}\n\treturn copied\n}\n\nfunc ptr[T any](v T) *T {\n\treturn &v\n}\n\nvar codes = []Code{\n'
    for l_1_identifier in (undefined(name='identifiers') if l_0_identifiers is missing else l_0_identifiers):
        _loop_vars = {}
        pass
        yield '\t'
        yield str(l_1_identifier)
        yield ',\n'
    l_1_identifier = missing
    yield '}\n\n// names holds every code by its name and its former names.\nvar names = func() map[string]Code {\n\tfound := make(map[string]Code, len(codes))\n\tfor _, code := range codes {\n\t\tfound[infos[code].Name] = code\n\t\tfor _, alias := range infos[code].Aliases {\n\t\t\tfound[alias] = code\n\t\t}\n\t}\n\treturn found\n}()\n\n// constructor returns the name of the constructor of c, and "" when c has none.\nfunc constructor(c Code) string {\n'
    if (undefined(name='constructors') if l_0_constructors is missing else l_0_constructors):
        pass
        yield '\tswitch c {\n'
        for (l_1_constructor, l_1_identifier, l_1_code, l_1_comment, l_1_deprecated, l_1_replaced_by, l_1_signature, l_1_arguments) in (undefined(name='constructors') if l_0_constructors is missing else l_0_constructors):
            _loop_vars = {}
            pass
            yield '\tcase '
            yield str(l_1_identifier)
            yield ':\n\t\treturn '
            yield str(t_2(l_1_constructor))
            yield '\n'
        l_1_constructor = l_1_identifier = l_1_code = l_1_comment = l_1_deprecated = l_1_replaced_by = l_1_signature = l_1_arguments = missing
        yield '\t}\n'
    yield '\treturn ""\n}\n\nvar infos = map[Code]Info{\n'
    for (l_1_identifier, l_1_fields) in (undefined(name='infos') if l_0_infos is missing else l_0_infos):
        _loop_vars = {}
        pass
        yield '\t'
        yield str(l_1_identifier)
        yield ': {\n'
        for l_2_line in l_1_fields:
            _loop_vars = {}
            pass
            yield '\t\t'
            yield str(l_2_line)
            yield '\n'
        l_2_line = missing
        yield '\t},\n'
    l_1_identifier = l_1_fields = missing
    yield '}\n\n// shapes are where the responses of '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield ' hold the code and the message, in the\n// order that Classify tries them.\n'
    if environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'shapes'):
        pass
        yield 'var shapes = []shape{\n'
        for l_1_line in environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'shapes'):
            _loop_vars = {}
            pass
            yield '\t'
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield '}\n'
    else:
        pass
        yield 'var shapes = []shape{}\n'
    yield '\n// generic holds the codes that do not say which error a response is on their own.\nvar generic = []Code{'
    yield str(environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'generic'))
    yield '}\n\n// patterns are the texts of the catalogue that messages match, code by code in catalogue\n// order: for each code, its match messages, then its message in each language.\n'
    if environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'patterns'):
        pass
        yield 'var patterns = []pattern{\n'
        for l_1_line in environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'patterns'):
            _loop_vars = {}
            pass
            yield '\t'
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield '}\n'
    else:
        pass
        yield 'var patterns = []pattern{}\n'
    yield '\n// own holds the patterns of each code, by index; starts those that a message may match\n// by the byte it starts with, 256 for an empty message; lengths the length of each\n// pattern\'s literals, in code points: the longer, the more specific.\nvar own, starts, lengths = func() (map[Code][]int, [257][]int, []int) {\n\tbyCode, byStart, byLength := map[Code][]int{}, [257][]int{}, make([]int, len(patterns))\n\tfor i, p := range patterns {\n\t\tfor _, literal := range p.literals {\n\t\t\tbyLength[i] += utf8.RuneCountInString(literal)\n\t\t}\n\t\tbyCode[p.code] = append(byCode[p.code], i)\n\t\tif first := p.literals[0]; first != "" {\n\t\t\tbyStart[first[0]] = append(byStart[first[0]], i)\n\t\t\tcontinue\n\t\t}\n\t\tfor start := range byStart {\n\t\t\tbyStart[start] = append(byStart[start], i)\n\t\t}\n\t}\n\treturn byCode, byStart, byLength\n}()\n\n// statuses are the HTTP statuses that the catalogue lists for codes, in catalogue order.\n'
    if environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'statuses'):
        pass
        yield 'var statuses = []struct {\n\tstatus int\n\tcode   Code\n}{\n'
        for l_1_line in environment.getattr((undefined(name='rules') if l_0_rules is missing else l_0_rules), 'statuses'):
            _loop_vars = {}
            pass
            yield '\t'
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield '}\n'
    else:
        pass
        yield 'var statuses = []struct {\n\tstatus int\n\tcode   Code\n}{}\n'

blocks = {}
debug_info = '1=39&3=41&5=45&7=47&12=49&17=51&26=55&27=57&29=59&31=62&32=65&35=69&36=75&38=78&41=86&42=90&44=94&46=98&47=100&51=107&53=111&54=117&55=119&57=122&60=130&61=134&117=140&122=142&137=149&138=151&165=155&202=157&204=159&216=161&224=163&303=165&312=167&400=169&404=171&408=173&498=180&782=187&783=191&801=195&803=198&804=202&805=204&813=209&814=213&815=215&816=219&822=225&824=227&826=230&827=234&835=242&839=244&841=247&842=251&871=259&876=262&877=266'
# Generated by python -m codegen.precompile from templates/go/package.go.j2 by Jinja2 3.1.6: do not edit.
