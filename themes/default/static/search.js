/* sitegen search: narrows the timeline as you type. Index format: docs/search.md.
 *
 * Part 1 cuts text exactly as sitegen/build/search_text.py does (tests compare the two).
 * Part 2 reads the sharded index and answers a query.  Part 3 is the page: the box, the
 * filters, the timeline's [data-event-id] elements, the list of sources, the URL.
 * No framework, no inline code; user text only ever enters the page as text nodes.
 */
(function () {
  "use strict";

  // ---- 1. text ------------------------------------------------------------------
  const CJK_RANGES = [
    [0x3005, 0x3007], [0x3021, 0x3029], [0x3038, 0x303b], [0x3041, 0x3096], [0x309d, 0x309f],
    [0x30a1, 0x30fa], [0x30fc, 0x30ff], [0x3131, 0x318e], [0x31f0, 0x31ff], [0x3400, 0x4dbf],
    [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0x20000, 0x323af],
  ];
  const SPACES = new Set(" \t\n\r\x0b\x0c\x85\u1680\u2028\u2029\u200b\u200c\u200d\u2060\ufeff");
  const QUOTES = new Set("\"“”„「」『』");
  const LETTER = /^[\p{L}\p{N}]$/u;
  const COUNTS = "0123456789abcdefghijklmnopqrstuvwxyz";

  function isCjkChar(ch) {
    const cp = ch.codePointAt(0);
    for (const [lo, hi] of CJK_RANGES) if (cp >= lo && cp <= hi) return true;
    return false;
  }

  /** "c" CJK unit, "w" letter or digit, "s" space, "g" gap. */
  function charClass(ch) {
    if (SPACES.has(ch)) return "s";
    if (!LETTER.test(ch)) return "g";
    return isCjkChar(ch) ? "c" : "w";
  }

  function isCjk(unit) {
    return unit.length <= 2 && Array.from(unit).length === 1 && charClass(unit) === "c";
  }

  /** NFKC, lower case, Traditional folded to Simplified (``fold``: a Map, char -> char). */
  function normalise(text, fold) {
    let t = text.normalize("NFKC").toLowerCase();
    if (fold && fold.size) {
      let out = "";
      for (const ch of t) out += fold.get(ch) || ch;
      t = out;
    }
    return t;
  }

  /** Units of normalised text, in runs that no gap interrupts. */
  function runs(text, fold) {
    const out = [];
    let run = [];
    let word = "";
    for (const ch of normalise(text, fold)) {
      const kind = charClass(ch);
      if (kind === "w") { word += ch; continue; }
      if (word) { run.push(word); word = ""; }
      if (kind === "c") run.push(ch);
      else if (kind === "g" && run.length) { out.push(run); run = []; }
    }
    if (word) run.push(word);
    if (run.length) out.push(run);
    return out;
  }

  function bigram(a, b) {
    return !isCjk(a) && !isCjk(b) ? a + " " + b : a + b;
  }

  /** Phrases a document must all contain: {units, prefix}. Same rules as parse_query in Python. */
  function parseQuery(query, fold) {
    const q = normalise(query, fold);
    const parts = [];
    let quoted = false;
    let part = "";
    for (const ch of q) {
      if (QUOTES.has(ch)) { parts.push([part, quoted]); part = ""; quoted = !quoted; }
      else part += ch;
    }
    parts.push([part, quoted]);
    const phrases = [];
    for (const [text, inQuotes] of parts) {
      const chunks = inQuotes ? [text] : splitSpaces(text);
      for (const chunk of chunks) for (const r of runs(chunk, fold)) phrases.push({ units: r, prefix: false });
    }
    const chars = Array.from(q);
    const typing = chars.length > 0 && charClass(chars[chars.length - 1]) === "w";
    if (typing && phrases.length) {
      const last = phrases.pop();
      const word = last.units[last.units.length - 1];
      const rest = last.units.slice(0, -1);
      const n = Array.from(word).length;
      if (rest.length === 1 && isCjk(rest[0])) phrases.push(last);
      else {
        if (rest.length) phrases.push({ units: rest, prefix: false });
        if (!rest.length || n >= 3) phrases.push({ units: [word], prefix: n >= 3 });
      }
    }
    return phrases;
  }

  function splitSpaces(text) {
    const out = [];
    let cur = "";
    for (const ch of text) {
      if (SPACES.has(ch)) { out.push(cur); cur = ""; } else cur += ch;
    }
    out.push(cur);
    return out;
  }

  /** Tokens of a phrase: the longest vocabulary word at each point, else a single unit. */
  function longestMatch(units, isWord) {
    const tokens = [];
    let i = 0;
    while (i < units.length) {
      let best = 1;
      if (isCjk(units[i])) {
        let j = i + 1;
        while (j < units.length && isCjk(units[j])) j++;
        for (let end = j; end > i + 1; end--) {
          if (isWord(units.slice(i, end).join(""))) { best = end - i; break; }
        }
      }
      tokens.push(units.slice(i, i + best).join(""));
      i += best;
    }
    return tokens;
  }

  const ENCODER = new TextEncoder();

  /** 32-bit FNV-1a of the UTF-8 bytes, as in search_index.py. */
  function fnv1a(text) {
    let h = 0x811c9dc5;
    for (const byte of ENCODER.encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    return h >>> 0;
  }

  function isCjkWord(term) {
    const chars = Array.from(term);
    return chars.length >= 2 && chars.every(isCjk);
  }

  function shardKey(term) {
    const chars = Array.from(term);
    return chars.length >= 3 && isCjkWord(term) ? chars.slice(0, 2).join("") : term;
  }

  // ---- 2. the index ---------------------------------------------------------------
  const MAX_COMPLETIONS = 10;
  const MAX_ALIASES = 8;
  const MAX_NAME_WORDS = 4; // pinyin written as separate words: at most this many make one name

  function decodeKeys(text) {
    const keys = [];
    let prev = [];
    for (const line of text ? text.split("\n") : []) {
      const chars = Array.from(line);
      const keep = COUNTS.indexOf(chars[0]);
      const key = prev.slice(0, keep).concat(chars.slice(1));
      keys.push(key.join(""));
      prev = key;
    }
    return keys;
  }

  class Shard {
    constructor(data) {
      this.terms = new Map();
      const keys = decodeKeys(data.k);
      keys.forEach((k, i) => this.terms.set(k, { raw: data.p[i], list: null }));
      this.more = data.l || {};
      this.aliases = data.a || {};
    }

    /** {docs: Int32Array, weights: Uint8Array, word: bool} or null. */
    get(term) {
      const entry = this.terms.get(term);
      if (!entry) return null;
      if (!entry.list) {
        const raw = entry.raw;
        const word = raw.length > 0 && raw[0] === 0;
        const start = word ? 1 : 0;
        const n = raw.length - start;
        const docs = new Int32Array(n);
        const weights = new Uint8Array(n);
        let doc = 0;
        for (let i = 0; i < n; i++) {
          const v = raw[start + i];
          doc += Math.floor(v / 16);
          docs[i] = doc;
          weights[i] = v % 16;
        }
        entry.list = { docs, weights, word };
        entry.raw = null;
      }
      return entry.list;
    }
  }

  function daysFromRuns(runsList, total) {
    const out = new Int32Array(total);
    let n = 0;
    for (const [day, count] of runsList) for (let i = 0; i < count; i++) out[n++] = day;
    return out;
  }

  function dayNumber(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : null;
  }

  class Index {
    /** ``load(path)``: a Promise of the JSON at ``path``, relative to search/meta.json. */
    constructor(meta, load) {
      if (meta.format !== 2) throw new Error("unknown search index format " + meta.format);
      this.meta = meta;
      this.load = load;
      this.E = meta.events;
      this.N = meta.events + meta.sources;
      this.fold = new Map();
      const pairs = Array.from(meta.fold || "");
      for (let i = 0; i + 1 < pairs.length; i += 2) this.fold.set(pairs[i], pairs[i + 1]);
      this.shards = new Map(); // shard number -> Promise<Shard>
      this.ready = new Map(); // shard number -> Shard, once loaded
      this.chunks = new Map();
      this.eventStart = daysFromRuns(meta.eventDays, meta.events);
      this.eventEnd = Int32Array.from(this.eventStart);
      for (const [doc, end] of meta.eventEnds) this.eventEnd[doc] = end;
      this.sourceDay = daysFromRuns(meta.sourceDays, meta.sources);
    }

    /** The path of a file of the index: ``kind`` "" (shard ``n``), "c" (listing ``n`` of sources),
     * "ids" or "facets". ``meta.files`` holds 8 hex digits per hash, in order: each shard's, the
     * listings' folder's, ids', facets'. */
    file(kind, n = 0) {
      const shards = this.meta.shards;
      const hash = (i) => this.meta.files.slice(8 * i, 8 * i + 8);
      if (kind === "") return "data/" + n + "." + hash(n) + ".json";
      if (kind === "c") return "data/c." + hash(shards) + "/" + n + ".json";
      return "data/" + kind + "." + hash(kind === "ids" ? shards + 1 : shards + 2) + ".json";
    }

    home(key) {
      return fnv1a(key) % this.meta.shards;
    }

    shard(n) {
      let got = this.shards.get(n);
      if (!got) {
        got = this.load(this.file("", n)).then((data) => {
          const shard = new Shard(data);
          this.ready.set(n, shard);
          return shard;
        });
        this.shards.set(n, got);
        got.catch(() => this.shards.delete(n));
      }
      return got;
    }

    async term(term) {
      const shard = await this.shard(this.home(shardKey(term)));
      return shard.get(term);
    }

    idf(df) {
      return Math.log(1 + (this.N - df + 0.5) / (df + 0.5));
    }

    /** Latin words starting with ``prefix``, most frequent first (the word itself always). */
    completions(prefix) {
      if (!this.completed) this.completed = new Map();
      if (!this.completed.has(prefix)) this.completed.set(prefix, this.complete(prefix));
      return this.completed.get(prefix);
    }

    async complete(prefix) {
      const chars = Array.from(prefix);
      const shard = await this.shard(this.home(chars.slice(0, this.meta.prefix).join("")));
      const found = new Map();
      for (const [term, entry] of shard.terms) {
        if (term.startsWith(prefix) && !/[ :]/.test(term) && !Array.from(term).some(isCjk)) {
          found.set(term, entry.list ? entry.list.docs.length : entry.raw.length);
        }
      }
      for (const [term, df] of Object.entries(shard.more)) if (term.startsWith(prefix)) found.set(term, df);
      const ranked = [...found].sort((a, b) => (a[0] === prefix ? -1 : b[0] === prefix ? 1 : b[1] - a[1]));
      return ranked.slice(0, MAX_COMPLETIONS).map(([t]) => t);
    }

    /** Chinese names a pinyin word spells (``prefix``: every alias that starts with it). */
    async aliases(word, prefix) {
      const chars = Array.from(word);
      if (chars.length <= this.meta.prefix) return [];
      const shard = await this.shard(this.home(chars.slice(0, this.meta.prefix).join("")));
      const out = [];
      for (const [alias, targets] of Object.entries(shard.aliases)) {
        if (alias === word || (prefix && alias.startsWith(word))) out.push(...targets);
      }
      return [...new Set(out)].slice(0, MAX_ALIASES);
    }

    /**
     * Runs of the query's Latin words that spell a Chinese name's pinyin when written together, in
     * the order given, with the last word first (English order) or reversed ("zhang wei", "Wei Zhang"
     * -> zhangwei; "Xiaohong Li", "Xiao Hong Li" -> lixiaohong): [start, end, names], the longest run
     * first at each place, runs not overlapping.
     */
    async spelled(phrases) {
      const word = (p) => p.units.length === 1 && /^[a-z]+$/.test(p.units[0]);
      const out = [];
      let i = 0;
      while (i < phrases.length) {
        let hit = null;
        for (let end = Math.min(phrases.length, i + MAX_NAME_WORDS); end >= i + 2 && !hit; end--) {
          const words = phrases.slice(i, end);
          if (!words.every(word)) continue;
          const spellings = words.map((p) => p.units[0]);
          // as typed; family name last (English order: "Qiang Dong Liu"); all reversed ("Dong Qiang Liu")
          const other = new Set([
            [spellings[spellings.length - 1], ...spellings.slice(0, -1)].join(""),
            spellings.slice().reverse().join(""),
          ]);
          other.delete(spellings.join(""));
          const names = [...(await this.aliases(spellings.join(""), words[words.length - 1].prefix))];
          for (const spelling of other) names.push(...(await this.aliases(spelling, false)));
          if (names.length) hit = [i, end, [...new Set(names)].slice(0, MAX_ALIASES)];
        }
        if (hit) { out.push(hit); i = hit[1]; } else i++;
      }
      return out;
    }

    /** Documents holding every unit of ``units`` together, and their scores: {docs, scores}. */
    async exact(units) {
      if (units.length === 1) {
        const list = await this.term(units[0]);
        return list ? { docs: list.docs, scores: this.scoreAt(list.docs, [list]) } : EMPTY;
      }
      const pairs = [];
      for (let i = 0; i + 1 < units.length; i++) pairs.push(bigram(units[i], units[i + 1]));
      const lists = await Promise.all(pairs.map((p) => this.term(p)));
      if (lists.some((l) => !l)) return EMPTY;
      const known = new Map();
      pairs.forEach((p, i) => known.set(p, lists[i]));
      // Rank by the words the phrase is made of (jieba's, by longest match), not by its fragments;
      // a word of 3+ characters sits in the shard of its first two, which is loaded by now.
      const tokens = longestMatch(units, (w) => {
        if (Array.from(w).length === 2) return !!(known.get(w) || {}).word;
        const shard = this.ready.get(this.home(shardKey(w)));
        return !!(shard && shard.get(w));
      });
      const words = [];
      for (const t of tokens) {
        if (isCjkWord(t)) words.push(known.get(t) || (await this.term(t)));
        else if (!isCjk(t)) words.push(await this.term(t));
      }
      const docs = meetAll(lists.map((l) => l.docs));
      const scoring = words.filter(Boolean);
      return { docs, scores: this.scoreAt(docs, scoring.length ? scoring : lists) };
    }

    /** For each of ``docs`` (sorted), the sum of idf x weight of the ``lists`` that hold it. */
    scoreAt(docs, lists) {
      const scores = new Float64Array(docs.length);
      for (const list of lists) {
        const idf = this.idf(list.docs.length);
        const ld = list.docs;
        let j = 0;
        for (let i = 0; i < docs.length; i++) {
          while (j < ld.length && ld[j] < docs[i]) j++;
          if (j === ld.length) break;
          if (ld[j] === docs[i]) scores[i] += idf * list.weights[j];
        }
      }
      return scores;
    }

    /**
     * One phrase of the query: its exact units, a completion of its last word, or a Chinese name
     * its pinyin spells. ``names``: the phrases of those names, to highlight.
     */
    async phrase(p) {
      const alternatives = [this.exact(p.units)];
      const names = [];
      if (p.units.length === 1 && !isCjk(p.units[0])) {
        const word = p.units[0];
        if (p.prefix) {
          for (const c of await this.completions(word)) if (c !== word) alternatives.push(this.exact([c]));
        }
        for (const name of await this.aliases(word, p.prefix)) {
          for (const r of runs(name, this.fold)) {
            alternatives.push(this.exact(r));
            names.push({ units: r, prefix: false });
          }
        }
      }
      const found = (await Promise.all(alternatives)).reduce(join);
      return { docs: found.docs, scores: found.scores, names };
    }

    /** A facet filter (``p:`` person, ``g:`` organisation, ``l:`` place, ``t:`` tag, ``o:`` outlet) as a set of documents. */
    async facet(kind, value) {
      const list = await this.term(kind + ":" + value);
      return list ? list.docs : new Int32Array(0);
    }

    /**
     * Answer a query: {events, sources} as doc numbers in time order, ``score`` (doc -> score),
     * the query's ``phrases`` and the ``names`` its pinyin spelled.
     * ``filters``: {person, org, place, tag, outlet, from, to}; ``from``/``to`` as YYYY-MM-DD.
     */
    async search(query, filters) {
      filters = filters || {};
      await this.warm(query);
      const phrases = parseQuery(query, this.fold);
      const sets = await Promise.all(phrases.map((p) => this.phrase(p)));
      // words that spell a name together: documents holding the words, or the name they spell
      for (const [start, end, names] of (await this.spelled(phrases)).reverse()) {
        const words = sets.slice(start, end);
        let either = words.reduce(both);
        const spelled = words.flatMap((set) => set.names);
        for (const name of names) {
          for (const r of runs(name, this.fold)) {
            either = join(either, await this.exact(r));
            spelled.push({ units: r, prefix: false });
          }
        }
        sets.splice(start, end - start, { docs: either.docs, scores: either.scores, names: spelled });
      }
      let found = sets.length ? sets.reduce(both) : null;
      const facets = [["p", filters.person], ["g", filters.org], ["l", filters.place], ["t", filters.tag], ["o", filters.outlet]]
        .filter((f) => f[1]);
      for (const docs of await Promise.all(facets.map(([k, v]) => this.facet(k, v)))) {
        found = both(found || { docs, scores: new Float64Array(docs.length) }, { docs, scores: null });
      }
      if (!found) {
        const docs = Int32Array.from({ length: this.N }, (_, i) => i);
        found = { docs, scores: new Float64Array(this.N) };
      }
      const from = dayNumber(filters.from);
      const to = dayNumber(filters.to);
      const events = [];
      const sources = [];
      const score = new Map();
      for (let i = 0; i < found.docs.length; i++) {
        const d = found.docs[i];
        if (from !== null || to !== null) {
          const lo = d < this.E ? this.eventStart[d] : this.sourceDay[d - this.E];
          const hi = d < this.E ? this.eventEnd[d] : lo;
          if ((from !== null && hi < from) || (to !== null && lo > to)) continue;
        }
        (d < this.E ? events : sources).push(d);
        score.set(d, found.scores[i]);
      }
      const names = sets.flatMap((set) => set.names);
      return { events, sources, score, phrases, names };
    }

    /** Fetch at once every shard the query's phrases will read (completions and names come after). */
    async warm(query) {
      const keys = [];
      for (const p of parseQuery(query, this.fold)) {
        const u = p.units;
        if (u.length === 1) {
          keys.push(shardKey(u[0]));
          const chars = Array.from(u[0]);
          if (!isCjk(u[0]) && chars.length >= this.meta.prefix) {
            keys.push(chars.slice(0, this.meta.prefix).join(""));
          }
        }
        for (let i = 0; i + 1 < u.length; i++) keys.push(bigram(u[i], u[i + 1]));
        for (const t of u) if (!isCjk(t)) keys.push(t);
      }
      const wanted = new Set(keys.map((k) => this.home(k)));
      await Promise.all([...wanted].map((n) => this.shard(n)));
    }

    /** [id, title, outlet, date label] of a source, by doc number. */
    async source(doc) {
      const i = doc - this.E;
      const n = Math.floor(i / this.meta.chunkSize);
      let got = this.chunks.get(n);
      if (!got) {
        got = this.load(this.file("c", n));
        this.chunks.set(n, got);
      }
      return (await got)[i % this.meta.chunkSize];
    }

    facets() {
      if (!this.facetList) this.facetList = this.load(this.file("facets"));
      return this.facetList;
    }

    eventIds() {
      return this.load(this.file("ids"));
    }
  }

  const EMPTY = { docs: new Int32Array(0), scores: new Float64Array(0) };

  /** Sorted doc numbers in both sorted arrays. */
  function meet(a, b) {
    const out = new Int32Array(Math.min(a.length, b.length));
    let n = 0;
    let j = 0;
    for (let i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j === b.length) break;
      if (b[j] === a[i]) out[n++] = a[i];
    }
    return out.subarray(0, n);
  }

  function meetAll(arrays) {
    const sorted = arrays.slice().sort((a, b) => a.length - b.length);
    return sorted.reduce((acc, next) => (acc.length ? meet(acc, next) : acc));
  }

  /** Documents in both result sets, scores added (``b.scores`` may be null: a filter). */
  function both(a, b) {
    const docs = new Int32Array(Math.min(a.docs.length, b.docs.length));
    const scores = new Float64Array(docs.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < a.docs.length; i++) {
      const d = a.docs[i];
      while (j < b.docs.length && b.docs[j] < d) j++;
      if (j === b.docs.length) break;
      if (b.docs[j] === d) {
        docs[n] = d;
        scores[n++] = a.scores[i] + (b.scores ? b.scores[j] : 0);
      }
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
  }

  /** Documents in either result set, with the better score. */
  function join(a, b) {
    const docs = new Int32Array(a.docs.length + b.docs.length);
    const scores = new Float64Array(docs.length);
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < a.docs.length || j < b.docs.length) {
      const da = i < a.docs.length ? a.docs[i] : Infinity;
      const db = j < b.docs.length ? b.docs[j] : Infinity;
      if (da === db) { docs[n] = da; scores[n++] = Math.max(a.scores[i++], b.scores[j++]); }
      else if (da < db) { docs[n] = da; scores[n++] = a.scores[i++]; }
      else { docs[n] = db; scores[n++] = b.scores[j++]; }
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
  }

  const api = { normalise, runs, parseQuery, longestMatch, fnv1a, shardKey, charClass, bigram, Index };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === "undefined") return;

  // ---- 3. the page ----------------------------------------------------------------
  const PAGE = 10; // sources listed at a time
  const FRAME_BUDGET = 6; // milliseconds of highlighting per frame, after the list is updated
  const FILTERS = ["person", "org", "place", "tag", "outlet", "from", "to"];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }

  function isoDay(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  /** Wraps every match of the query's phrases in text nodes under an element in <mark>. */
  class Highlighter {
    constructor(phrases, fold) {
      this.fold = fold;
      const parts = [];
      for (const p of phrases) {
        const units = p.units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        if (units.length) parts.push(units.join("[\\s\u200b\ufeff]*") + (p.prefix ? "[\\p{L}\\p{N}]*" : ""));
      }
      parts.sort((a, b) => b.length - a.length);
      this.pattern = parts.length ? new RegExp(parts.join("|"), "gu") : null;
    }

    /** The normalised text of a string and, per normalised UTF-16 unit, where it came from. */
    normalised(text) {
      let out = "";
      const from = [];
      const to = [];
      let at = 0;
      for (const ch of text) {
        const n = normalise(ch, this.fold);
        for (let i = 0; i < n.length; i++) { from.push(at); to.push(at + ch.length); }
        out += n;
        at += ch.length;
      }
      return { out, from, to };
    }

    /** True when the match is not a piece of a longer Latin word. */
    whole(text, start, end) {
      const before = Array.from(text.slice(Math.max(0, start - 2), start)).pop();
      const after = Array.from(text.slice(end, end + 2))[0];
      const first = Array.from(text.slice(start, end))[0];
      const last = Array.from(text.slice(start, end)).pop();
      const word = (ch) => ch !== undefined && charClass(ch) === "w";
      return !(word(first) && word(before)) && !(word(last) && word(after));
    }

    /** Mark the matches in the text under ``element``; returns the <mark> elements made. */
    apply(element) {
      const marks = [];
      if (!this.pattern) return marks;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      for (const node of nodes) this.applyText(node, marks);
      return marks;
    }

    applyText(node, marks) {
      const text = node.data;
      const { out, from, to } = this.normalised(text);
      const ranges = [];
      this.pattern.lastIndex = 0;
      for (let m = this.pattern.exec(out); m; m = this.pattern.exec(out)) {
        if (!m[0]) { this.pattern.lastIndex++; continue; }
        const start = from[m.index];
        const end = to[m.index + m[0].length - 1];
        if (this.whole(out, m.index, m.index + m[0].length)) ranges.push([start, end]);
      }
      for (let i = ranges.length - 1; i >= 0; i--) {
        const [start, end] = ranges[i];
        const hit = node.splitText(start);
        hit.splitText(end - start);
        const mark = document.createElement("mark");
        mark.className = "search-hit";
        hit.replaceWith(mark);
        mark.appendChild(hit);
        marks.push(mark);
      }
    }
  }

  /** Put the text of <mark> elements back as it was. */
  function unmark(marks) {
    const parents = new Set();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parents.add(parent);
    }
    for (const p of parents) p.normalize();
  }

  class SearchPage {
    constructor(root) {
      this.root = root;
      this.form = root.querySelector("form");
      this.input = root.querySelector("input[type=search]");
      this.count = root.querySelector(".search-count");
      this.live = root.querySelector(".search-live");
      this.empty = root.querySelector(".search-empty");
      this.sourcesBox = root.querySelector(".search-sources");
      this.sourceList = root.querySelector(".search-source-list");
      this.more = root.querySelector(".search-more");
      this.details = root.querySelector(".search-filters");
      // the form's controls, found once: form.elements lookups walk the whole page (slow at 10k events)
      this.controls = {};
      for (const name of FILTERS) this.controls[name] = this.form.querySelector(`[name="${name}"]`);
      this.sorts = Array.from(this.form.querySelectorAll("input[name=sort]"));
      this.msg = root.dataset;
      this.seq = 0;
      this.index = null;
      this.highlighter = null;
      this.marked = new Map(); // event element -> {by: Highlighter, marks}
      this.ranked = null;
      this.events = Array.from(document.querySelectorAll("[data-event-id]"));
      // the timeline: the innermost element that holds every event
      this.timeline = this.events.length ? this.events[0].parentElement : null;
      while (this.timeline && this.timeline.parentElement && !this.events.every((e) => this.timeline.contains(e))) {
        this.timeline = this.timeline.parentElement;
      }
      this.position = new Map(this.events.map((e, i) => [e, i]));
      // per event, the next event with the same parent: where it goes back after relevance order
      this.nextSibling = new Int32Array(this.events.length).fill(-1);
      const lastOf = new Map();
      this.events.forEach((e, i) => {
        if (lastOf.has(e.parentNode)) this.nextSibling[lastOf.get(e.parentNode)] = i;
        lastOf.set(e.parentNode, i);
      });
      // groups: the elements between an event and the timeline (a year, a month, a day, a list);
      // each event's path lists its groups, outermost first
      this.groups = [];
      const number = new Map();
      this.paths = this.events.map((e) => {
        const path = [];
        for (let el = e.parentElement; el && el !== this.timeline; el = el.parentElement) {
          if (!number.has(el)) { number.set(el, this.groups.length); this.groups.push(el); }
          path.unshift(number.get(el));
        }
        return path;
      });
      this.groupShown = new Int32Array(this.groups.length); // matching events in each group
      this.shown = new Uint8Array(this.events.length); // 1: the event has the class search-match
    }

    /** The headings of an event's groups, outermost first: its date on a timeline of sections. */
    dayOf(i) {
      const heads = [];
      for (const g of this.paths[i]) {
        const head = this.groups[g].querySelector(":scope > :is(h1, h2, h3, h4, h5, h6)");
        if (head) heads.push(head.textContent.trim());
      }
      // a heading that a deeper one repeats (年 in 年月日) is left out
      return heads.filter((h, i) => !heads.slice(i + 1).some((later) => later.includes(h))).join(" ");
    }

    start() {
      this.root.hidden = false;
      if (this.sourcesBox && this.timeline) this.timeline.after(this.sourcesBox);
      this.form.addEventListener("submit", (e) => { e.preventDefault(); this.reveal(); });
      this.form.addEventListener("input", (e) => this.changed(e));
      this.form.addEventListener("change", (e) => this.changed(e));
      this.form.addEventListener("reset", () => {
        for (const el of this.root.querySelectorAll("[data-wanted]")) delete el.dataset.wanted;
        setTimeout(() => this.changed(), 0);
      });
      this.input.addEventListener("keydown", (e) => {
        if (e.key !== "Escape") return;
        if (this.input.value) { this.input.value = ""; this.changed(); e.preventDefault(); }
        else this.input.blur();
      });
      document.addEventListener("keydown", (e) => {
        if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
        const t = e.target;
        if (t.closest && t.closest("input, textarea, select, [contenteditable]")) return;
        e.preventDefault();
        this.input.focus();
        this.input.select();
      });
      if (this.more) this.more.addEventListener("click", () => this.listSources(this.listed + PAGE));
      if (this.details) this.details.addEventListener("toggle", () => this.details.open && this.loadFacets());
      this.restore();
      if (location.protocol === "file:") return this.disable(this.msg.msgFile);
      this.form.addEventListener("focusin", () => this.open(), { once: true });
      this.form.addEventListener("pointerenter", () => this.open(), { once: true });
      if (this.active()) this.changed();
    }

    /** Load the index's entry file, once: when the reader comes to the search box, not before. */
    open() {
      if (this.ready) return this.ready;
      if (this.failed) return Promise.resolve();
      const metaUrl = new URL(this.root.dataset.searchMeta, location.href);
      const load = (path) =>
        fetch(new URL(path, metaUrl), { cache: path === "meta.json" ? "no-cache" : "default" }).then((r) => {
          if (!r.ok) throw new Error(r.status + " " + r.url);
          return r.json();
        });
      this.ready = load("meta.json")
        .then((meta) => {
          this.index = new Index(meta, load);
          return this.mapEvents();
        })
        .then(() => {
          this.setDateBounds();
          if (this.root.querySelector("select[data-wanted]")) this.loadFacets();
        })
        .catch(() => this.disable(this.msg.msgError));
      return this.ready;
    }

    disable(message) {
      this.input.disabled = true;
      this.count.textContent = message;
      this.failed = true;
    }

    /** Doc number -> element: the page's order when it is the index's, else by id. */
    async mapEvents() {
      const ids = this.events.map((e) => e.dataset.eventId);
      const same = fnv1a(ids.join("\n")).toString(16).padStart(8, "0") === this.index.meta.idsHash;
      if (same && ids.length === this.index.E) { this.byDoc = this.events.map((_, i) => i); return; }
      const where = new Map();
      ids.forEach((id, i) => { if (!where.has(id)) where.set(id, i); });
      this.byDoc = (await this.index.eventIds()).map((id) => (where.has(id) ? where.get(id) : -1));
    }

    setDateBounds() {
      const days = [...this.index.eventStart, ...this.index.sourceDay];
      if (!days.length) return;
      const lo = isoDay(Math.min(...days));
      const hi = isoDay(Math.max(...this.index.eventEnd, ...this.index.sourceDay));
      for (const name of ["from", "to"]) {
        const el = this.controls[name];
        if (el) { el.min = lo; el.max = hi; }
      }
    }

    async loadFacets() {
      if (this.facetsLoaded) return;
      this.facetsLoaded = true;
      await this.open();
      if (!this.index) return;
      const facets = await this.index.facets();
      const lists = [["person", "people"], ["org", "organisations"], ["place", "places"], ["tag", "tags"], ["outlet", "outlets"]];
      for (const [name, key] of lists) {
        const select = this.controls[name];
        if (!select) continue;
        const wanted = select.dataset.wanted || select.value;
        for (const [value, n] of facets[key] || []) {
          const option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + n + ")";
          select.appendChild(option);
        }
        select.value = wanted;
        delete select.dataset.wanted;
        select.closest("label").hidden = !(facets[key] || []).length;
      }
    }

    state() {
      const f = this.controls;
      const sort = this.sorts.find((r) => r.checked);
      const out = { q: this.input.value, sort: sort ? sort.value : "time" };
      for (const name of FILTERS) {
        const el = f[name];
        out[name] = el ? el.value || el.dataset.wanted || "" : "";
      }
      return out;
    }

    active(state) {
      state = state || this.state();
      return state.q.trim() !== "" || FILTERS.some((f) => state[f]);
    }

    restore() {
      const params = new URLSearchParams(location.search);
      this.input.value = params.get("q") || "";
      const f = this.controls;
      for (const r of this.sorts) r.checked = r.value === (params.get("sort") || "time");
      for (const name of FILTERS) {
        const el = f[name];
        const value = params.get(name);
        if (!el || !value) continue;
        if (el.tagName === "SELECT") {
          el.dataset.wanted = value;
          if (this.details) this.details.open = true;
        } else {
          el.value = value;
          if (this.details) this.details.open = true;
        }
      }
    }

    remember(state) {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => {
        const params = new URLSearchParams();
        if (state.q) params.set("q", state.q);
        if (state.sort === "relevance") params.set("sort", "relevance");
        for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
        const query = params.toString();
        history.replaceState(history.state, "", (query ? "?" + query : location.pathname) + location.hash);
      }, 250);
    }

    changed(e) {
      if (e && e.target && e.target.tagName === "SELECT") delete e.target.dataset.wanted;
      if (this.failed) return;
      const started = performance.now();
      const typed = e && e.type === "input" ? e.timeStamp : started; // when the key was pressed
      const seq = ++this.seq;
      const state = this.state();
      this.remember(state);
      if (!this.active(state)) {
        this.reset();
        this.root.dataset.shown = JSON.stringify(state);
        return;
      }
      if (!this.index) {
        this.count.textContent = this.msg.msgLoading;
        this.open().then(() => seq === this.seq && this.index && this.changed());
        return;
      }
      this.index.search(state.q, state).then(
        (result) => {
          if (seq !== this.seq) return;
          const computed = performance.now();
          const listed = this.show(result, state);
          const shown = performance.now();
          listed.then(() => {
            // what the page now shows, sources listed too (tests wait on it)
            if (seq !== this.seq) return;
            this.root.dataset.shown = JSON.stringify(state);
            if (this.revealing) this.scrollToResults();
          });
          // measured for bench/search_bench.py: our work, then what the reader waits for
          performance.measure("sitegen-search-query", { start: started, end: computed });
          performance.measure("sitegen-search-update", { start: started, end: shown, detail: state.q });
          performance.measure("sitegen-search-latency", { start: typed, end: shown });
          requestAnimationFrame(() => {
            const after = new MessageChannel(); // its message comes once this frame is rendered
            after.port1.onmessage = () => performance.measure("sitegen-search-paint", { start: typed });
            after.port2.postMessage(null);
          });
        },
        () => seq === this.seq && this.disable(this.msg.msgError)
      );
    }

    /**
     * The reader pressed Enter (a phone's keyboard: its search key): bring the results into view, once
     * they are shown. On a phone they start far below the fold, under the form and the chart.
     */
    reveal() {
      this.revealing = true;
      if (this.root.dataset.shown === JSON.stringify(this.state())) this.scrollToResults();
    }

    scrollToResults() {
      this.revealing = false;
      if (!this.active(this.state()) || !this.timeline) return;
      let target = this.timeline.closest("section") || this.timeline; // the matching events, in either order
      if (!this.empty.hidden) target = this.sourcesBox.hidden ? this.empty : this.sourcesBox;
      this.input.blur(); // a phone's keyboard closes
      target.scrollIntoView({ block: "start" });
    }

    reset() {
      if (this.timeline) this.timeline.classList.remove("search-active");
      this.root.parentElement.classList.remove("searching");
      this.unrank();
      this.highlighter = null;
      this.markEvents([...this.marked.keys()]);
      this.count.textContent = "";
      this.say("");
      this.empty.hidden = true;
      this.sources = [];
      this.sourceList.replaceChildren();
      this.sourcesBox.hidden = true;
    }

    /**
     * Show the events flagged 1 and the days that hold one; search.css hides every other event
     * and day of a timeline marked search-active.  Only the events whose state changes since the
     * last query are touched, and clearing the search is one class: a keystroke costs what it
     * changes, not the size of the timeline.
     */
    setVisible(flags) {
      const touched = new Set();
      for (let i = 0; i < flags.length; i++) {
        if (flags[i] === this.shown[i]) continue;
        this.shown[i] = flags[i];
        this.events[i].classList.toggle("search-match", flags[i] === 1);
        for (const g of this.paths[i]) {
          this.groupShown[g] += flags[i] ? 1 : -1;
          touched.add(g);
        }
      }
      for (const g of touched) this.groups[g].classList.toggle("search-match", this.groupShown[g] > 0);
      if (!this.timeline || this.timeline.classList.contains("search-active")) return;
      if (!this.grouped) {
        for (const g of this.groups) g.classList.add("search-group");
        this.grouped = true;
      }
      this.timeline.classList.add("search-active");
      this.root.parentElement.classList.add("searching"); // search.css: on a phone, the chart steps aside
    }

    show(result, state) {
      const flags = new Uint8Array(this.events.length);
      const order = [];
      for (const d of result.events) {
        const el = this.byDoc[d];
        if (el >= 0) { flags[el] = 1; order.push(d); }
      }
      const byScore = (a, b) => result.score.get(b) - result.score.get(a) || a - b;
      const relevance = state.sort === "relevance" && state.q.trim() !== "";
      if (relevance) order.sort(byScore);
      this.setVisible(flags);
      if (relevance) this.rank(order.map((d) => this.events[this.byDoc[d]]));
      else this.unrank();
      const sources = relevance ? result.sources.slice().sort(byScore) : result.sources;
      const values = { events: order.length, sources: sources.length, query: state.q.trim() };
      this.count.textContent = fill(this.msg.msgCount, values);
      this.empty.hidden = order.length > 0;
      const none = values.query ? this.msg.msgEmpty : this.msg.msgEmptyFilters;
      this.empty.textContent = fill(sources.length ? this.msg.msgNoEvents : none, values);
      this.say(this.empty.hidden ? this.count.textContent : this.empty.textContent);
      this.highlighter = new Highlighter(result.phrases.concat(result.names || []), this.index.fold);
      this.markEvents(order.map((d) => this.events[this.byDoc[d]]));
      this.sources = sources;
      return this.listSources(PAGE);
    }

    say(text) {
      clearTimeout(this.sayTimer);
      this.sayTimer = setTimeout(() => { this.live.textContent = text; }, 600);
    }

    /**
     * Bring the marks of ``elements`` up to the current query (none when there is no query), a
     * few milliseconds per frame, after the list itself has been updated: typing never waits
     * for highlighting.  Hidden events keep stale marks until they show again.
     */
    markEvents(elements) {
      cancelAnimationFrame(this.frame);
      const by = this.highlighter;
      let i = 0;
      const step = () => {
        const until = performance.now() + FRAME_BUDGET;
        for (; i < elements.length && performance.now() < until; i++) {
          const el = elements[i];
          const had = this.marked.get(el);
          if (had && had.by === by) continue;
          if (had) unmark(had.marks);
          if (by) this.marked.set(el, { by, marks: by.apply(el) });
          else this.marked.delete(el);
        }
        if (i < elements.length) this.frame = requestAnimationFrame(step);
      };
      this.frame = requestAnimationFrame(step);
    }

    /** Relevance order: the matching events, moved into one list, each with its day. */
    rank(elements) {
      if (!this.timeline) return;
      if (!this.ranked) {
        this.ranked = document.createElement("section");
        this.ranked.className = "search-ranked";
        const title = document.createElement("h2");
        title.textContent = this.msg.msgRanked;
        this.rankedList = document.createElement("ol");
        this.ranked.append(title, this.rankedList);
        this.timeline.before(this.ranked);
        this.homes = new Map();
      }
      for (const el of elements) {
        if (!this.homes.has(el)) {
          this.homes.set(el, el.parentNode);
          const day = this.dayOf(this.position.get(el));
          if (day) {
            const label = document.createElement("p");
            label.className = "search-day";
            label.textContent = day;
            el.prepend(label);
          }
          // one flat list under an h2: its titles read as level 3, whatever their section depth
          const title = el.querySelector("h1, h2, h3, h4, h5, h6");
          if (title && !title.hasAttribute("aria-level")) {
            title.setAttribute("aria-level", "3");
            title.dataset.searchLevel = "";
          }
        }
        this.rankedList.appendChild(el);
      }
      const keep = new Set(elements);
      for (const el of [...this.homes.keys()]) if (!keep.has(el)) this.putBack(el);
      this.timeline.hidden = true;
    }

    unrank() {
      if (!this.ranked) return;
      const moved = [...this.homes.keys()].reverse();
      for (const el of moved) this.putBack(el);
      this.ranked.remove();
      this.ranked = null;
      this.timeline.hidden = false;
    }

    putBack(el) {
      const parent = this.homes.get(el);
      const label = el.querySelector(":scope > .search-day");
      if (label) label.remove();
      const title = el.querySelector("[data-search-level]");
      if (title) {
        title.removeAttribute("aria-level");
        delete title.dataset.searchLevel;
      }
      let j = this.nextSibling[this.position.get(el)];
      while (j >= 0 && this.events[j].parentNode !== parent) j = this.nextSibling[j];
      parent.insertBefore(el, j >= 0 ? this.events[j] : null);
      this.homes.delete(el);
    }

    async listSources(upto) {
      const seq = this.seq;
      const docs = this.sources.slice(0, upto);
      const rows = await Promise.all(docs.map((d) => this.index.source(d)));
      if (seq !== this.seq) return;
      this.listed = upto;
      this.sourceList.replaceChildren();
      for (const [id, title, outlet, label] of rows) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = this.root.dataset.sourcesBase + encodeURIComponent(id) + ".html";
        a.textContent = title;
        const meta = document.createElement("span");
        meta.className = "search-source-meta";
        meta.textContent = outlet + " · " + label;
        li.append(a, " ", meta);
        this.highlighter.apply(a);
        this.sourceList.appendChild(li);
      }
      this.sourcesBox.hidden = this.sources.length === 0;
      this.more.hidden = this.sources.length <= upto;
    }
  }

  function start() {
    const root = document.querySelector("[data-search-meta]");
    if (root) new SearchPage(root).start();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
