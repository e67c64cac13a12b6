// Every card and dialog the bot showed (`meldbot demo --platform teams --json`, a JSON object a
// line on stdin) through Microsoft's Adaptive Cards library, as a Teams client reads it: parsed,
// its properties validated, and rendered into a DOM (jsdom). Any event of the parser or the
// validator, or a failed render, is a problem; the exit code is 1 when there is any.
"use strict";

const { JSDOM } = require("jsdom");

const dom = new JSDOM("<!doctype html><body></body>");
for (const name of Object.getOwnPropertyNames(dom.window)) {
  // The library's renderer checks elements against the DOM's classes (HTMLButtonElement, ...).
  if (/^(HTML|SVG|Node|Element|Event|Document|Text)/.test(name) && !(name in global)) {
    global[name] = dom.window[name];
  }
}
global.window = dom.window;
global.document = dom.window.document;
global.navigator = dom.window.navigator;

const AC = require("adaptivecards/dist/adaptivecards.js");
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = text; // Teams renders the Markdown; here it only has to be accepted
  result.didProcess = true;
};

function problemsOf(json) {
  const problems = [];
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  try {
    if (!card.render()) problems.push("render: nothing rendered");
  } catch (error) {
    problems.push(`render: ${error.message}`);
  }
  return problems;
}

const input = require("fs").readFileSync(0, "utf8");
let checked = 0;
let failed = 0;
for (const line of input.split("\n")) {
  if (!line.trim()) continue;
  const shown = JSON.parse(line);
  const problems = problemsOf(shown.card || shown);
  checked += 1;
  if (problems.length) {
    failed += 1;
    console.log(`${shown.surface || "card"} ${shown.title || ""} (${shown.name || ""}):`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
}
console.log(`adaptivecards ${require("adaptivecards/package.json").version}: ${checked} cards, ${failed} with problems`);
process.exit(failed || !checked ? 1 : 0);
