// Print, as JSON, the token skeleton of each TypeScript and JavaScript file in the directories named on
// the command line: every token as the TypeScript scanner reads it, with the content of
// string literals and comments left out. Catalogue text may change only what was left out.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const TEXT = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
]);
const COMMENT = new Set([
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
]);
const SKIPPED = new Set([
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.NewLineTrivia,
]);

function skeleton(source) {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
  );
  scanner.setText(source);
  const tokens = [];
  for (
    let kind = scanner.scan();
    kind !== ts.SyntaxKind.EndOfFileToken;
    kind = scanner.scan()
  ) {
    if (SKIPPED.has(kind)) continue;
    if (TEXT.has(kind)) tokens.push("<text>");
    else if (COMMENT.has(kind)) tokens.push("<comment>");
    else tokens.push(scanner.getTokenText());
  }
  return tokens;
}

const out = {};
for (const directory of process.argv.slice(2)) {
  out[directory] = {};
  for (const name of fs
    .readdirSync(directory)
    .filter((n) => n.endsWith(".ts") || n.endsWith(".js"))
    .sort()) {
    out[directory][name] = skeleton(
      fs.readFileSync(path.join(directory, name), "utf8"),
    );
  }
}
console.log(JSON.stringify(out));
