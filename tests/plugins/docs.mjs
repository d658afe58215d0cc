// A codegen plugin in JavaScript (Node.js, no dependencies): one Markdown page per catalogue
// and an index, from the data model it reads on stdin. The protocol is
// schema/plugin.schema.json; tests/test_extend.py runs it.
//
// Usage: node docs.mjs [mode]. Modes other than "docs" misbehave on purpose, for the tests:
// parent and absolute write outside out/<target>/, fail exits 1, garbage answers no JSON,
// hang never answers, unmarked omits the marker, warn adds a warning, error reports an
// error, record also copies the request to the file named by $RECORD.
import { readFileSync, writeFileSync } from "node:fs";

const mode = process.argv[2] ?? "docs";
const request = JSON.parse(readFileSync(0, "utf8"));
if (request.version !== 1) {
  process.stderr.write(`unknown protocol version ${request.version}\n`);
  process.exit(2);
}
const model = request.model;

// A table cell: the text on one line, with Markdown's and HTML's special characters escaped.
const cell = (text) =>
  String(text)
    .replace(/[\\`*_\[\]|<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);
// The marker line inside an HTML comment: the data model's own line, safe in any comment.
const header = (line) => `<!-- ${line} -->`;

const files = model.catalogs.map((catalog) => ({
  path: `${catalog.platform}.md`,
  content: [
    header(catalog.generated),
    `# ${cell(catalog.title)}`,
    "",
    "| code | name | message |",
    "|---|---|---|",
    ...catalog.errors.map((e) => `| ${cell(e.code)} | ${e.name} | ${cell(e.default_message)} |`),
    "",
  ].join("\n"),
}));
files.push({
  path: "index.md",
  content: [
    header(model.generated),
    `# ${request.target}`,
    "",
    ...model.catalogs.map((c) => `- [${cell(c.title)}](${c.platform}.md)`),
    "",
  ].join("\n"),
});
const diagnostics = [];

switch (mode) {
  case "docs":
    break;
  case "record":
    writeFileSync(process.env.RECORD, JSON.stringify(request));
    break;
  case "parent":
    files.push({ path: "../x", content: `${header(model.generated)}\nescaped\n` });
    break;
  case "absolute":
    files.push({ path: "/tmp/codegen-plugin-x", content: `${header(model.generated)}\n` });
    break;
  case "fail":
    process.stderr.write("docs: something went wrong\n\u001b[31mred\u001b[0m at the end\n");
    process.exit(1);
  case "garbage":
    process.stdout.write("this is not JSON\n");
    process.exit(0);
  case "hang":
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  case "unmarked":
    files[0].content = files[0].content.split("\n").slice(1).join("\n");
    break;
  case "warn":
    diagnostics.push({ severity: "warning", message: "index.md lists every catalogue" });
    break;
  case "error":
    diagnostics.push({ severity: "error", message: "cannot document this model" });
    break;
  default:
    process.stderr.write(`unknown mode ${mode}\n`);
    process.exit(2);
}
process.stdout.write(JSON.stringify({ files, diagnostics }));
