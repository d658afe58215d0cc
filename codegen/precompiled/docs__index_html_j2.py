from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'index.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_page_title = missing
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
        t_4 = environment.filters['shown']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'shown' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    l_0_page_title = 'Error codes'
    context.vars['page_title'] = l_0_page_title
    context.exported_vars.add('page_title')
    template = environment.get_template('page-start.html.j2', 'index.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'page_title': l_0_page_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_ids = resolve('ids')
    l_1_codes = resolve('codes')
    l_1_platforms = resolve('platforms')
    pass
    t_6 = context.eval_ctx.save()
    context.eval_ctx.autoescape = True
    yield '<div class="page-head">\n<h1 id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'title'))
    yield '">Error codes</h1>\n<p class="lede">'
    yield escape(t_1((undefined(name='codes') if l_1_codes is missing else l_1_codes), 'code'))
    yield ' from '
    yield escape(t_1(t_2((undefined(name='platforms') if l_1_platforms is missing else l_1_platforms)), 'platform'))
    yield '. Search by code, name or any text, in any language; filter by category and whether a retry can succeed.</p>\n</div>\n<div id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'results'))
    yield '" class="results" aria-live="polite"></div>\n<section class="platforms" aria-labelledby="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'platforms'))
    yield '">\n<h2 id="'
    yield escape(environment.getattr((undefined(name='ids') if l_1_ids is missing else l_1_ids), 'platforms'))
    yield '">Platforms</h2>\n<ul class="platform-list">\n'
    for l_2_p in (undefined(name='platforms') if l_1_platforms is missing else l_1_platforms):
        _loop_vars = {}
        pass
        yield '<li class="platform-card" data-platform="'
        yield escape(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'platform'))
        yield '">\n<h3><a href="'
        yield escape(environment.getattr(l_2_p, 'page'))
        yield '">'
        yield escape(t_4(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'title')))
        yield '</a></h3>\n<p class="meta"><code>'
        yield escape(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'platform'))
        yield '</code> · '
        yield escape(t_1(t_2(environment.getattr(l_2_p, 'views')), 'code'))
        yield ' · '
        yield escape(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'code_type'))
        yield ' codes'
        if (not t_5(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'code_space'))):
            pass
            yield ' · code space <code>'
            yield escape(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'code_space'))
            yield '</code>'
        yield '</p>\n<p class="source">Source: '
        yield escape(t_3(environment.getattr(environment.getattr(l_2_p, 'catalog'), 'source')))
        yield '</p>\n<ul class="badges" aria-label="Codes by category">\n'
        for (l_3_category, l_3_count) in environment.getattr(l_2_p, 'categories'):
            _loop_vars = {}
            pass
            yield '<li class="badge badge-category">'
            yield escape(l_3_category)
            yield ' <span class="count">'
            yield escape(l_3_count)
            yield '</span></li>\n'
        l_3_category = l_3_count = missing
        if environment.getattr(l_2_p, 'uncategorised'):
            pass
            yield '<li class="badge badge-none">no category <span class="count">'
            yield escape(environment.getattr(l_2_p, 'uncategorised'))
            yield '</span></li>\n'
        yield '</ul>\n</li>\n'
    l_2_p = missing
    yield '</ul>\n</section>\n'
    context.eval_ctx.revert(t_6)
    l_1_ids = l_1_codes = l_1_platforms = missing
    template = environment.get_template('page-end.html.j2', 'index.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'page_title': l_0_page_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {}
debug_info = '1=43&2=45&3=48&6=61&7=63&9=67&10=69&11=71&13=73&14=77&15=79&16=83&17=95&19=97&20=101&22=106&23=109&31=116'
# Generated by python -m codegen.precompile from templates/docs/index.html.j2 by Jinja2 3.1.6: do not edit.
