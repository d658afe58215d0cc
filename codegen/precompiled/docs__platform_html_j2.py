from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'platform.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_platform = resolve('platform')
    l_0_catalog = l_0_page_title = missing
    try:
        t_1 = environment.filters['counted']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'counted' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['linked']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'linked' found.")
    try:
        t_4 = environment.filters['marked']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'marked' found.")
    try:
        t_5 = environment.filters['shown']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'shown' found.")
    try:
        t_6 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    l_0_catalog = environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'catalog')
    context.vars['catalog'] = l_0_catalog
    context.exported_vars.add('catalog')
    l_0_page_title = str_join((t_5(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')), ' · Error codes', ))
    context.vars['page_title'] = l_0_page_title
    context.exported_vars.add('page_title')
    template = environment.get_template('page-start.html.j2', 'platform.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'catalog': l_0_catalog, 'page_title': l_0_page_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_index_page = resolve('index_page')
    l_1_ids = resolve('ids')
    l_1_articles = resolve('articles')
    pass
    t_7 = context.eval_ctx.save()
    context.eval_ctx.autoescape = True
    yield '<div class="page-head">\n<nav class="crumbs" aria-label="Breadcrumb"><a href="'
    yield escape((undefined(name='index_page') if l_1_index_page is missing else l_1_index_page))
    yield '">All platforms</a> <span aria-hidden="true">/</span> <span aria-current="page">'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '</span></nav>\n<h1 id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'title'))
    yield '">'
    yield escape(t_5(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield '</h1>\n</div>\n<div id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'results'))
    yield '" class="results" aria-live="polite"></div>\n<section class="about" aria-labelledby="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'about'))
    yield '">\n<h2 id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'about'))
    yield '" class="visually-hidden">About this catalogue</h2>\n<p class="meta"><code>'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'platform'))
    yield '</code> · '
    yield escape(t_1(t_2(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'views')), 'code'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_type'))
    yield ' codes'
    if (not t_6(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_space'))):
        pass
        yield ' · code space <code>'
        yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'code_space'))
        yield '</code>'
    yield '</p>\n<p class="source">Source: '
    yield escape(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'source')))
    yield '</p>\n<ul class="badges" aria-label="Codes by category">\n'
    for (l_2_category, l_2_count) in environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'categories'):
        _loop_vars = {}
        pass
        yield '<li class="badge badge-category">'
        yield escape(l_2_category)
        yield ' <span class="count">'
        yield escape(l_2_count)
        yield '</span></li>\n'
    l_2_category = l_2_count = missing
    if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'uncategorised'):
        pass
        yield '<li class="badge badge-none">no category <span class="count">'
        yield escape(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'uncategorised'))
        yield '</span></li>\n'
    yield '</ul>\n<nav class="toc" aria-label="On this page">\n<a href="#'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'codes'))
    yield '">Codes</a>\n'
    if (not t_6(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'response'))):
        pass
        yield '<a href="#'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'response'))
        yield '">Response shapes</a>\n'
    if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'reserved'):
        pass
        yield '<a href="#'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'reserved'))
        yield '">Reserved codes</a>\n'
    yield '<a href="markdown/'
    yield escape(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'markdown'))
    yield '">Markdown</a>\n</nav>\n</section>\n<section class="codes" aria-labelledby="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'codes'))
    yield '">\n<h2 id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'codes'))
    yield '">Codes</h2>\n'
    l_2_loop = missing
    for (l_2_view, l_2_entry, l_2_anchor, l_2_code, l_2_href, l_2_name, l_2_category, l_2_http_status, l_2_retryable, l_2_deprecated, l_2_messages, l_2_solutions, l_2_aliases, l_2_parameters, l_2_identifiers, l_2_statuses, l_2_patterns, l_2_examples, l_2_shared), l_2_loop in LoopContext((undefined(name='articles') if l_1_articles is missing else l_1_articles), undefined):
        _loop_vars = {}
        pass
        yield '<article class="entry"'
        if (not t_6(l_2_anchor)):
            pass
            yield ' id="'
            yield escape(l_2_anchor)
            yield '"'
        yield ' data-code="'
        yield escape(l_2_code)
        yield '" data-name="'
        yield escape(l_2_name)
        yield '">\n<div class="entry-head">\n<h3 class="entry-title"><a class="entry-code" href="'
        yield escape(l_2_href)
        yield '">'
        yield escape(l_2_code)
        yield '</a> <span class="entry-name">'
        yield escape(l_2_name)
        yield '</span></h3>\n<ul class="badges">\n'
        if (not t_6(l_2_category)):
            pass
            yield '<li class="badge badge-category"><span class="visually-hidden">Category: </span>'
            yield escape(l_2_category)
            yield '</li>\n'
        if (not t_6(l_2_http_status)):
            pass
            yield '<li class="badge badge-http">HTTP '
            yield escape(l_2_http_status)
            yield '</li>\n'
        yield '<li class="badge badge-retry-'
        yield escape(l_2_retryable)
        yield '">'
        if (l_2_retryable == 'yes'):
            pass
            yield 'retryable'
        elif (l_2_retryable == 'no'):
            pass
            yield 'not retryable'
        else:
            pass
            yield 'retryable: unknown'
        yield '</li>\n'
        if (not t_6(l_2_deprecated)):
            pass
            yield '<li class="badge badge-deprecated">deprecated</li>\n'
        yield '</ul>\n</div>\n<dl class="fields">\n<dt>Message</dt>\n<dd class="texts">\n'
        for (l_3_language, l_3_text) in l_2_messages:
            _loop_vars = {}
            pass
            yield '<div class="text"><span class="lang-tag">'
            yield escape(l_3_language)
            yield '</span><p lang="'
            yield escape(l_3_language)
            yield '">'
            yield escape(l_3_text)
            yield '</p></div>\n'
        l_3_language = l_3_text = missing
        yield '</dd>\n'
        if l_2_solutions:
            pass
            yield '<dt>Solution</dt>\n<dd class="texts">\n'
            for (l_3_language, l_3_text) in l_2_solutions:
                _loop_vars = {}
                pass
                yield '<div class="text"><span class="lang-tag">'
                yield escape(l_3_language)
                yield '</span><p lang="'
                yield escape(l_3_language)
                yield '">'
                yield escape(l_3_text)
                yield '</p></div>\n'
            l_3_language = l_3_text = missing
            yield '</dd>\n'
        if (not t_6(l_2_deprecated)):
            pass
            yield '<dt>Deprecated</dt>\n<dd class="deprecation">'
            yield escape(t_5(environment.getattr(l_2_deprecated, 'reason')))
            if (not t_6(environment.getattr(l_2_deprecated, 'replaced_by'))):
                pass
                yield ' Use '
                if (not t_6(environment.getattr(l_2_view, 'replacement'))):
                    pass
                    yield '<a class="replacement" href="'
                    yield escape(environment.getattr(l_2_view, 'replacement'))
                    yield '">'
                    yield escape(environment.getattr(l_2_deprecated, 'replaced_by'))
                    yield '</a>'
                else:
                    pass
                    yield '<code class="replacement">'
                    yield escape(environment.getattr(l_2_deprecated, 'replaced_by'))
                    yield '</code>'
                yield ' instead.'
            yield '</dd>\n'
        if l_2_aliases:
            pass
            yield '<dt>Former names</dt>\n<dd>\n<ul class="aliases">\n'
            for l_3_alias in l_2_aliases:
                _loop_vars = {}
                pass
                yield '<li><code>'
                yield escape(l_3_alias)
                yield '</code> <span class="note">deprecated name of '
                yield escape(l_2_name)
                yield '</span></li>\n'
            l_3_alias = missing
            yield '</ul>\n</dd>\n'
        if l_2_parameters:
            pass
            yield '<dt>Parameters</dt>\n<dd><code class="placeholder">'
            yield escape(markup_join(('{', environment.getitem(l_2_parameters, 0), '}', )))
            yield '</code>'
            for l_3_parameter in l_2_parameters[1:]:
                _loop_vars = {}
                pass
                yield ' <code class="placeholder">'
                yield escape(markup_join(('{', l_3_parameter, '}', )))
                yield '</code>'
            l_3_parameter = missing
            yield '</dd>\n'
        yield '<dt>In code</dt>\n<dd>\n<ul class="identifiers">\n'
        for (l_3_language, l_3_identifier) in l_2_identifiers:
            _loop_vars = {}
            pass
            yield '<li><span class="language">'
            yield escape(l_3_language)
            yield '</span> <code>'
            yield escape(l_3_identifier)
            yield '</code></li>\n'
        l_3_language = l_3_identifier = missing
        yield '</ul>\n</dd>\n'
        if ((l_2_statuses or l_2_patterns) or l_2_examples):
            pass
            yield '<dt>Classification</dt>\n<dd class="classification">\n'
            if l_2_statuses:
                pass
                yield '<p>When neither a code nor a message tells, HTTP status '
                l_3_loop = missing
                for l_3_status, l_3_loop in LoopContext(l_2_statuses, undefined):
                    _loop_vars = {}
                    pass
                    yield '<code>'
                    yield escape(l_3_status)
                    yield '</code>'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' or '
                l_3_loop = l_3_status = missing
                yield ' means this code.</p>\n'
            if l_2_patterns:
                pass
                yield '<p>Also recognised by messages like:</p>\n<ul class="patterns">\n'
                for l_3_pattern in l_2_patterns:
                    _loop_vars = {}
                    pass
                    yield '<li><span class="pattern">'
                    yield escape(t_4(l_3_pattern))
                    yield '</span></li>\n'
                l_3_pattern = missing
                yield '</ul>\n'
            if l_2_examples:
                pass
                yield '<ul class="examples">\n'
                l_3_loop = missing
                for l_3_example, l_3_loop in LoopContext(l_2_examples, undefined):
                    _loop_vars = {}
                    pass
                    yield '<li class="example">\n<p class="example-head">Example: '
                    if (not t_6(environment.getattr(l_3_example, 'status'))):
                        pass
                        yield 'HTTP '
                        yield escape(environment.getattr(l_3_example, 'status'))
                    else:
                        pass
                        yield 'any HTTP status'
                    yield ', '
                    yield escape(environment.getattr(l_3_example, 'kind'))
                    if environment.getattr(l_3_example, 'params'):
                        pass
                        yield '; parameters '
                        l_4_loop = missing
                        for (l_4_name, l_4_value), l_4_loop in LoopContext(environment.getattr(l_3_example, 'params'), undefined):
                            _loop_vars = {}
                            pass
                            yield '<code>'
                            yield escape(t_5(l_4_name))
                            yield '</code> = <code>'
                            yield escape(t_5(l_4_value))
                            yield '</code>'
                            if (not environment.getattr(l_4_loop, 'last')):
                                pass
                                yield ', '
                        l_4_loop = l_4_name = l_4_value = missing
                    yield '</p>\n<pre>'
                    yield escape(environment.getattr(l_3_example, 'text'))
                    yield '</pre>\n</li>\n'
                l_3_loop = l_3_example = missing
                yield '</ul>\n'
            yield '</dd>\n'
        if l_2_shared:
            pass
            yield '<dt>Also defined by</dt>\n<dd>\n<ul class="shared">\n'
            for l_3_other in l_2_shared:
                _loop_vars = {}
                pass
                yield '<li><a href="'
                yield escape(environment.getattr(l_3_other, 'href'))
                yield '">'
                yield escape(t_5(environment.getattr(l_3_other, 'title')))
                yield ' · '
                yield escape(l_2_code)
                yield ' '
                yield escape(environment.getattr(l_3_other, 'name'))
                yield '</a> <span class="meaning">'
                if environment.getattr(l_3_other, 'same'):
                    pass
                    yield 'same meaning'
                else:
                    pass
                    yield 'different meaning'
                yield '</span></li>\n'
            l_3_other = missing
            yield '</ul>\n</dd>\n'
        yield '</dl>\n</article>\n'
    l_2_loop = l_2_view = l_2_entry = l_2_anchor = l_2_code = l_2_href = l_2_name = l_2_category = l_2_http_status = l_2_retryable = l_2_deprecated = l_2_messages = l_2_solutions = l_2_aliases = l_2_parameters = l_2_identifiers = l_2_statuses = l_2_patterns = l_2_examples = l_2_shared = missing
    yield '</section>\n'
    if (not t_6(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'response'))):
        pass
        yield '<section class="response" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'response'))
        yield '">\n<h2 id="'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'response'))
        yield '">Response shapes</h2>\n<p>Where an error response carries its code and message (JSON Pointers into the body), tried in this order.</p>\n<table>\n<caption class="visually-hidden">Response shapes</caption>\n<thead><tr><th scope="col">Shape</th><th scope="col">Code at</th><th scope="col">Message at</th><th scope="col">Code arrives as</th></tr></thead>\n<tbody>\n'
        for l_2_shape in environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'response'), 'shapes'):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(t_5(environment.getattr(l_2_shape, 'name')))
            yield '</th><td>'
            if (not t_6(environment.getattr(l_2_shape, 'code'))):
                pass
                yield '<code>'
                yield escape(t_5(environment.getattr(l_2_shape, 'code')))
                yield '</code>'
            else:
                pass
                yield '—'
            yield '</td><td>'
            if (not t_6(environment.getattr(l_2_shape, 'message'))):
                pass
                yield '<code>'
                yield escape(t_5(environment.getattr(l_2_shape, 'message')))
                yield '</code>'
            else:
                pass
                yield '—'
            yield '</td><td>a '
            yield escape(environment.getattr(l_2_shape, 'code_format'))
            yield '</td></tr>\n'
        l_2_shape = missing
        yield '</tbody>\n</table>\n'
        if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'generic'):
            pass
            yield '<p>Generic codes, which say nothing on their own (the message decides): '
            l_2_loop = missing
            for (l_2_code, l_2_href), l_2_loop in LoopContext(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'generic'), undefined):
                _loop_vars = {}
                pass
                if (not t_6(l_2_href)):
                    pass
                    yield '<a href="'
                    yield escape(l_2_href)
                    yield '">'
                    yield escape(l_2_code)
                    yield '</a>'
                else:
                    pass
                    yield '<code>'
                    yield escape(l_2_code)
                    yield '</code>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_code = l_2_href = missing
            yield '.</p>\n'
        yield '</section>\n'
    if environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'reserved'):
        pass
        yield '<section class="reserved" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'reserved'))
        yield '">\n<h2 id="'
        yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'reserved'))
        yield '">Reserved codes</h2>\n<p>Removed codes, never to be defined again.</p>\n<table>\n<caption class="visually-hidden">Reserved codes</caption>\n<thead><tr><th scope="col">Code</th><th scope="col">Former name</th><th scope="col">Why</th></tr></thead>\n<tbody>\n'
        for l_2_tombstone in environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'reserved'):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row"><code>'
            yield escape(environment.getattr(l_2_tombstone, 'code'))
            yield '</code></th><td>'
            if (not t_6(environment.getattr(l_2_tombstone, 'name'))):
                pass
                yield '<code>'
                yield escape(environment.getattr(l_2_tombstone, 'name'))
                yield '</code>'
            else:
                pass
                yield '—'
            yield '</td><td>'
            yield escape(t_5(environment.getattr(l_2_tombstone, 'reason')))
            yield '</td></tr>\n'
        l_2_tombstone = missing
        yield '</tbody>\n</table>\n</section>\n'
    context.eval_ctx.revert(t_7)
    l_1_index_page = l_1_ids = l_1_articles = missing
    template = environment.get_template('page-end.html.j2', 'platform.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'catalog': l_0_catalog, 'page_title': l_0_page_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {}
debug_info = '1=50&2=52&3=55&4=58&7=71&8=75&10=79&11=81&12=83&13=85&14=97&16=99&17=103&19=108&20=111&24=114&25=116&26=119&28=121&29=124&31=127&34=129&35=131&36=134&37=138&39=148&41=154&42=157&44=159&45=162&47=165&48=177&56=181&57=185&60=193&63=196&64=200&68=208&70=211&72=229&76=232&77=236&82=242&84=245&89=256&90=260&94=266&97=269&98=273&100=284&103=287&104=291&108=295&110=299&112=303&113=329&120=334&124=337&125=341&134=361&135=364&136=366&142=368&143=372&147=396&148=400&152=421&153=424&154=426&160=428&161=432&168=449'
# Generated by python -m codegen.precompile from templates/docs/platform.html.j2 by Jinja2 3.1.6: do not edit.
