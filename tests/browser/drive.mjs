// Drives the generated documentation site in Debian's Chromium and writes down what it saw.
//
//   node tests/browser/drive.mjs PLAN.json REPORT.json
//
// PLAN names the browser and a list of tasks (open a page, search, follow a result, tab
// through, run axe-core, take a screenshot...); REPORT gets one record per task, in order. This
// script judges nothing: the pytest modules that write the plan (tests/test_docs_browser.py,
// tests/bench_docs.py) decide what is right. Every task runs in a fresh browser context that
// records each request, console error and uncaught page error.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

// As Debian's Chromium runs on a closed network: no background connections, nothing to update.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const WIDE = { width: 1280, height: 800 };
const QUIET_MS = 150; // the results count as settled once they have not changed for this long
const FIRST_CHANGE_MS = 2000; // how long a search may take to change the results at all
const AFTER_KEYS_MS = 400; // how long a page may wait (debounce) before answering key presses

const [planPath, reportPath] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, "utf-8"));

/** In the page: set the search box (or leave it) and the filters, fire the events a person's
 * input fires, and wait until the results have settled. Returns the milliseconds until the
 * results first changed (null: they did not change) and until the next frame was drawn. */
function searchInPage({ query, category, retryable, firstChangeMs, quietMs }) {
  const results = document.getElementById("_results");
  return new Promise((resolve) => {
    let first = null;
    let last = null;
    const observer = new MutationObserver(() => {
      last = performance.now();
      if (first === null) first = last;
    });
    observer.observe(results, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    const start = performance.now();
    const set = (id, value, event) => {
      if (value === undefined || value === null) return;
      const element = document.getElementById(id);
      element.value = value;
      element.dispatchEvent(new Event(event, { bubbles: true }));
    };
    set("_category", category, "change");
    set("_retryable", retryable, "change");
    set("_q", query, "input");
    const handled = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const painted = performance.now();
        const wait = () => {
          const now = performance.now();
          const settled =
            (first !== null && now - last >= quietMs) ||
            (first === null && now - start >= firstChangeMs);
          if (!settled) return setTimeout(wait, 10);
          observer.disconnect();
          resolve({
            handled_ms: handled - start,
            changed_ms: first === null ? null : first - start,
            painted_ms: painted - start,
          });
        };
        wait();
      }),
    );
  });
}

/** In the page: what the results region shows. */
function resultsInPage() {
  const region = document.getElementById("_results");
  const style = getComputedStyle(region);
  return {
    hidden:
      region.hidden ||
      style.display === "none" ||
      style.visibility === "hidden",
    text: region.textContent.replace(/\s+/g, " ").trim(),
    aria_live: region.getAttribute("aria-live"),
    groups: [...region.querySelectorAll("section.result-group")].map(
      (group) => ({
        platform: group.dataset.platform,
        heading: (
          group.querySelector("h1, h2, h3, h4, h5, h6")?.textContent ?? ""
        )
          .replace(/\s+/g, " ")
          .trim(),
        text: group.textContent.replace(/\s+/g, " ").trim(),
        items: [...group.querySelectorAll("a.result")].map((a) => ({
          href: a.getAttribute("href"),
          url: a.href,
          platform: a.dataset.platform,
          code: a.dataset.code,
        })),
      }),
    ),
  };
}

/** In the page: the element that is :target, and whether a person sees it (its heading in the
 * viewport and not covered by anything, a sticky header say). */
function targetInPage() {
  const target = document.querySelector(":target");
  if (!target) return { id: null, hash: location.hash, url: location.href };
  const heading = target.querySelector("h1, h2, h3, h4, h5, h6") ?? target;
  const rect = heading.getBoundingClientRect();
  const x = rect.left + Math.min(rect.width / 2, 20);
  const y = rect.top + rect.height / 2;
  const topmost = document.elementFromPoint(x, y);
  return {
    id: target.id,
    tag: target.tagName.toLowerCase(),
    classes: [...target.classList],
    code: target.dataset.code ?? null,
    hash: location.hash,
    url: location.href,
    visible: target.checkVisibility(),
    // Scrolled to, a heading may sit a fraction of a pixel above the top.
    in_viewport:
      rect.top >= -2 && rect.bottom <= innerHeight + 2 && rect.height > 0,
    uncovered: topmost !== null && heading.contains(topmost),
    top: rect.top,
  };
}

/** In the page: the focused element and how its focus is drawn: an outline or a box shadow
 * on the element itself, or on a close ancestor that draws it for what it holds
 * (:focus-within, as a search field's frame around its input). */
function focusInPage() {
  const element = document.activeElement;
  if (!element || element === document.body) return { tag: "body" };
  const rect = element.getBoundingClientRect();
  let indicator = null;
  for (
    let node = element, level = 0;
    node && level <= 3;
    node = node.parentElement, level++
  ) {
    const style = getComputedStyle(node);
    const outline =
      style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    if (outline || shadow) {
      indicator = {
        on:
          level === 0
            ? "itself"
            : `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}`,
        outline: outline
          ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
          : null,
        box_shadow: shadow ? style.boxShadow : null,
      };
      break;
    }
  }
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id || null,
    classes: [...element.classList],
    href: element.getAttribute("href"),
    code: element.dataset.code ?? null,
    text: element.textContent.replace(/\s+/g, " ").trim().slice(0, 80),
    focus_visible: element.matches(":focus-visible"),
    indicator,
    width: rect.width,
    height: rect.height,
    in_viewport:
      rect.bottom > 0 &&
      rect.top < innerHeight &&
      rect.right > 0 &&
      rect.left < innerWidth,
  };
}

async function settle(page, step, firstChangeMs = FIRST_CHANGE_MS) {
  return page.evaluate(searchInPage, {
    firstChangeMs,
    quietMs: QUIET_MS,
    ...step,
  });
}

/** After real key presses, which may have changed the results already: let the page's own
 * handling (and any debounce) finish. */
async function waitForResults(page) {
  return settle(page, {}, AFTER_KEYS_MS);
}

/** One search: typed key by key into the box (then the filters chosen), or the box and the
 * filters set at once (a filter not given is reset to all). */
async function search(page, step) {
  if (!step.typed) {
    return settle(page, {
      query: step.query,
      category: step.category ?? "",
      retryable: step.retryable ?? "",
    });
  }
  await settle(page, { query: "", category: "", retryable: "" }, AFTER_KEYS_MS);
  await page.locator("#_q").focus();
  await page.keyboard.type(step.query);
  const timing = await waitForResults(page);
  for (const [id, value] of [
    ["#_category", step.category],
    ["#_retryable", step.retryable],
  ]) {
    if (value !== undefined && value !== null) {
      await page.selectOption(id, value);
      await waitForResults(page);
    }
  }
  return timing;
}

async function openPage(page, url) {
  await page.goto(url, { waitUntil: "load" });
}

const tasks = {
  /** Open a page; report its title, lang and ids. */
  async visit(page, task) {
    await openPage(page, task.url);
    return page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
      url: location.href,
      entries: document.querySelectorAll("article.entry").length,
      has_search: ["_q", "_category", "_retryable", "_results"].every((id) =>
        document.getElementById(id),
      ),
    }));
  },

  /** Run each search in turn on one page: what the results show after each. */
  async search(page, task) {
    await openPage(page, task.url);
    const answers = [];
    for (const step of task.searches) {
      const timing = await search(page, step);
      answers.push({
        ...step,
        timing,
        results: await page.evaluate(resultsInPage),
      });
    }
    return { answers };
  },

  /** Search, click one result, and report where that leads. */
  async follow(page, task) {
    await openPage(page, task.url);
    await search(page, { query: task.query, typed: true });
    const results = await page.evaluate(resultsInPage);
    const link = page.locator(
      `#_results a.result[data-platform="${task.platform}"][data-code="${task.code}"]`,
    );
    if ((await link.count()) === 0) return { results, target: null };
    await Promise.all([
      page.waitForURL((url) => url.hash !== ""),
      link.first().click(),
    ]);
    await page.waitForLoadState("load");
    return { results, target: await page.evaluate(targetInPage) };
  },

  /** Click the replacement link of a deprecated entry. */
  async replacement(page, task) {
    await openPage(page, task.url);
    const link = page.locator(
      `article.entry[data-code="${task.code}"] a.replacement`,
    );
    const found = await link.count();
    if (found === 0) return { links: 0, target: null };
    const text = (await link.first().textContent()).trim();
    const href = await link.first().getAttribute("href");
    await link.first().click();
    await page.waitForFunction(
      () => document.querySelector(":target") !== null,
    );
    return {
      links: found,
      text,
      href,
      target: await page.evaluate(targetInPage),
    };
  },

  /** Only the keyboard: Tab from the start of the page, "/" to search, Enter on a result,
   * Escape to clear. */
  async keyboard(page, task) {
    await openPage(page, task.url);
    const tabs = [];
    for (let i = 0; i < task.tabs; i++) {
      await page.keyboard.press("Tab");
      tabs.push(await page.evaluate(focusInPage));
    }
    // "/" from a focused link (not a field) goes to the search box and types nothing.
    await openPage(page, task.url);
    await page.keyboard.press("Tab");
    const before_slash = await page.evaluate(focusInPage);
    await page.keyboard.press("/");
    const after_slash = await page.evaluate(focusInPage);
    const value_after_slash = await page.inputValue("#_q");
    // Type a query, Tab to the first result, Enter.
    await page.keyboard.type(task.query);
    await waitForResults(page);
    const to_result = [];
    let on_result = false;
    for (let i = 0; i < task.tabs && !on_result; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(focusInPage);
      to_result.push(focus);
      on_result = focus.classes?.includes("result") ?? false;
    }
    let entered = null;
    if (on_result) {
      const before = page.url();
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.href !== before);
      await page.waitForLoadState("load");
      entered = await page.evaluate(targetInPage);
    }
    // Escape clears the search.
    await openPage(page, task.url);
    await page.keyboard.press("Tab");
    await page.keyboard.press("/");
    await page.keyboard.type(task.query);
    await waitForResults(page);
    const typed = await page.evaluate(resultsInPage);
    await page.keyboard.press("Escape");
    await waitForResults(page);
    const escaped = {
      value: await page.inputValue("#_q"),
      results: await page.evaluate(resultsInPage),
    };
    // The skip link moves to the main content.
    await openPage(page, task.url);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(100);
    const skipped = await page.evaluate(() => ({
      hash: location.hash,
      main: document.getElementById("_main")?.tagName.toLowerCase() ?? null,
    }));
    return {
      tabs,
      before_slash,
      after_slash,
      value_after_slash,
      to_result,
      entered,
      typed,
      escaped,
      skipped,
    };
  },

  /** axe-core on the page (after a search, when one is given): its violations. */
  async axe(page, task) {
    await openPage(page, task.url);
    if (task.query) await search(page, { query: task.query });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      // No preload: axe would fetch the stylesheets again, which file:// pages may not.
      const found = await window.axe.run(document, {
        resultTypes: ["violations"],
        preload: false,
      });
      return found.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.length,
        examples: v.nodes.slice(0, 3).map((n) => ({
          target: n.target.join(" "),
          html: n.html.slice(0, 200),
          summary: n.failureSummary,
        })),
      }));
    });
    const results = task.query ? await page.evaluate(resultsInPage) : null;
    return { violations, results };
  },

  /** A screenshot of what the viewport shows (after a search, when one is given). */
  async screenshot(page, task) {
    await openPage(page, task.url);
    if (task.query) await search(page, { query: task.query, typed: true });
    if (task.fragment) {
      await page.evaluate(
        (id) => document.getElementById(id)?.scrollIntoView(),
        task.fragment,
      );
    }
    await page.screenshot({ path: task.path });
    return { path: task.path };
  },

  /** Every link, script and stylesheet a page names, as written and as resolved. */
  async links(page, task) {
    await openPage(page, task.url);
    return page.evaluate(() => ({
      links: [...document.querySelectorAll("a[href]")].map((a) => ({
        href: a.getAttribute("href"),
        url: a.href,
      })),
      resources: [...document.querySelectorAll("script[src], link[href]")].map(
        (e) => ({
          href: e.getAttribute("src") ?? e.getAttribute("href"),
          url: e.src || e.href,
        }),
      ),
    }));
  },

  /** The time each keystroke takes to answer, typing each query one character at a time. */
  async timing(page, task) {
    const started = Date.now();
    await openPage(page, task.url);
    const load_ms = Date.now() - started;
    const queries = [];
    for (const query of task.queries) {
      await settle(page, { query: "" }, AFTER_KEYS_MS);
      const keystrokes = [];
      for (let i = 1; i <= query.length; i++) {
        keystrokes.push(
          await settle(page, { query: query.slice(0, i) }, AFTER_KEYS_MS),
        );
      }
      queries.push({
        query,
        keystrokes,
        results: await page.evaluate(resultsInPage),
      });
    }
    return { load_ms, queries };
  },
};

async function run(browser, task) {
  const context = await browser.newContext({
    viewport: task.viewport ?? WIDE,
    colorScheme: task.color_scheme ?? "light",
  });
  const record = {
    requests: [],
    failed: [],
    errors: [],
    console: [],
    statuses: [],
  };
  const allowed = (url) =>
    url.protocol === "file:" || (plan.origin && url.origin === plan.origin);
  // Whatever the page asks of the network beyond the site is refused, and written down.
  await context.route(
    (url) => !allowed(url),
    (route) => route.abort(),
  );
  context.on("request", (request) => record.requests.push(request.url()));
  context.on("requestfailed", (request) =>
    record.failed.push({
      url: request.url(),
      error: request.failure()?.errorText ?? "",
    }),
  );
  context.on("response", (response) =>
    record.statuses.push({ url: response.url(), status: response.status() }),
  );
  context.on("page", (page) => {
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        record.console.push({ type: message.type(), text: message.text() });
      }
    });
    page.on("pageerror", (error) => record.errors.push(String(error)));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(task.timeout_ms ?? 30000);
  const started = Date.now();
  try {
    record.result = await tasks[task.kind](page, task);
  } catch (error) {
    record.failure = String(error?.stack ?? error);
  }
  record.ms = Date.now() - started;
  await context.close();
  return { id: task.id, kind: task.kind, ...record };
}

const browser = await chromium.launch({
  executablePath: plan.chromium,
  headless: true,
  args: FLAGS,
});
const report = { browser: browser.version(), tasks: [] };
try {
  for (const task of plan.tasks) report.tasks.push(await run(browser, task));
} finally {
  await browser.close();
}
writeFileSync(reportPath, JSON.stringify(report, null, 1));
