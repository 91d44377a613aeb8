// Runs themes/default/static/search.js in node for the tests: one JSON request on stdin, one JSON answer.
"use strict";
const fs = require("fs");
const path = require("path");
const S = require(path.join(__dirname, "..", "..", "themes", "default", "static", "search.js"));

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const fold = new Map(Object.entries(request.fold || {}));

const commands = {
  text: () =>
    request.texts.map((t) => ({
      normalise: S.normalise(t, fold),
      runs: S.runs(t, fold),
      phrases: S.parseQuery(t, fold).map((p) => [p.units, p.prefix]),
    })),
  classes: () => {
    let out = "";
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) { out += "-"; continue; }
      out += S.charClass(String.fromCodePoint(cp));
    }
    return out;
  },
  longest: () => {
    const words = new Set(request.words);
    return request.phrases.map((units) => S.longestMatch(units, (w) => words.has(w)));
  },
  hash: () => request.texts.map((t) => [S.fnv1a(t), S.shardKey(t)]),
  search: async () => {
    const root = path.join(request.root, "search");
    const load = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(root, p), "utf8")));
    const index = new S.Index(await load("meta.json"), load);
    const ids = await index.eventIds();
    const out = [];
    for (const q of request.queries) {
      const r = await index.search(q.query, q.filters || {});
      const sources = await Promise.all(r.sources.map((d) => index.source(d)));
      out.push({ events: r.events.map((d) => ids[d]), sources: sources.map((s) => s[0]) });
    }
    return out;
  },
};

Promise.resolve(commands[request.cmd]()).then((answer) => process.stdout.write(JSON.stringify(answer)));
