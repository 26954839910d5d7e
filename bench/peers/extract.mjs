// One long-running extractor process over many pages, for bench/extract-compare.
//
//   node bench/peers/extract.mjs PEER LIST OUT_DIR
//
// PEER is readability (Mozilla Readability.js on jsdom), defuddle (on linkedom) or
// postlight (Postlight Parser, on cheerio). LIST has one page a line:
// dataset TAB id TAB html-path TAB url (url may be empty). Each page's output
// goes to OUT_DIR/<dataset>/<id>.json as {"text": ...}, the
// layout `extraction-score --outputs` rescores, a line "dataset id cpu-microseconds
// ok|error" (tabs) is appended to OUT_DIR/cpu.tsv, and one progress line
// "@@page <index> <cpu-microseconds> ok|error" goes to stdout. Pages already in
// cpu.tsv are skipped: a stopped run resumes, and the harness restarts a hung or
// crashed run after marking the page it was on. Anything else on stdout (a
// peer's own logging) is not a progress line and is ignored.
//
// CPU time is process.cpuUsage() around decoding, parsing, extracting and turning
// the result into text: every thread of the process (garbage collector and JIT
// compiler included), none of node's start-up. No network: Postlight gets the
// HTML and fetchAllPages=false; defuddle gets useAsync=false.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require('jsdom');
const sniffEncoding = require('html-encoding-sniffer');

// Readability's tests use this URL for pages without one; jsdom and Postlight need an absolute URL.
const FALLBACK_URL = 'http://fakehost/test/page.html';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

// Text of a DOM subtree with a paragraph break at block elements and a line break at <br>, the
// same way for every peer, so that adjacent blocks never glue two words into one token (the
// metric counts \w+ tokens) and no peer gains or loses by its own text serialisation.
function domText(root) {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) {
      parts.push(node.data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? node.localName : '';
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts.join('').replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

// The corpus gives the bytes as crawled, without the HTTP header's charset. A browser had that
// header; without it, a valid UTF-8 page with no or a wrong <meta charset> (most of the Chinese
// pages of Readability's own tests, L3S pages stored as UTF-8 under an iso-8859-1 declaration)
// would be read as windows-1252, and every non-ASCII word would be lost to every peer alike.
// So, like newsd: valid UTF-8 is UTF-8; anything else goes through the HTML standard's sniffing
// (BOM, <meta charset>, windows-1252), as jsdom would do with the bytes.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const encoding = sniffEncoding(bytes, { defaultEncoding: 'windows-1252' });
    return new TextDecoder(encoding).decode(bytes);
  }
}

function loadDom(bytes, url) {
  // A string, decoded as above: jsdom then takes it as it is. A console per page, without listeners: it drops the page's CSS complaints instead of printing
  // them, and (unlike one shared console) keeps nothing of earlier pages alive.
  return new JSDOM(decode(bytes), { url, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
}

async function makeExtractor(peer) {
  if (peer === 'readability') {
    const { Readability } = require('@mozilla/readability');
    return async (bytes, url) => {
      const dom = loadDom(bytes, url);
      try {
        // serializer: keep the element, so the text comes from the DOM and not from re-parsing HTML.
        const article = new Readability(dom.window.document, { serializer: (el) => el }).parse();
        return article && article.content ? domText(article.content) : '';
      } finally {
        dom.window.close();
      }
    };
  }
  if (peer === 'defuddle') {
    // On linkedom, as defuddle's own command line runs it (jsdom makes it 5-10x slower: its
    // getComputedStyle walks every style sheet for every element).
    const { Defuddle } = await import('defuddle/node');
    const { parseHTML } = require('linkedom');
    return async (bytes, url) => {
      const result = await Defuddle(decode(bytes), url, { useAsync: false });
      if (!result || !result.content) return '';
      const { document } = parseHTML(`<!DOCTYPE html><html><body>${result.content}</body></html>`);
      return domText(document.body);
    };
  }
  if (peer === 'postlight') {
    const Parser = require('@postlight/parser');
    const cheerio = require('cheerio');
    return async (bytes, url) => {
      const result = await Parser.parse(url, { html: decode(bytes), fetchAllPages: false, contentType: 'html' });
      if (!result || result.error || !result.content) return '';
      const $ = cheerio.load(`<div id="newsd-bench-root">${result.content}</div>`);
      return cheerioText($, $('#newsd-bench-root')[0]);
    };
  }
  throw new Error(`unknown peer '${peer}' (readability, defuddle, postlight)`);
}

// domText for cheerio's (domhandler) nodes: same block and <br> rules.
function cheerioText($, root) {
  const parts = [];
  const walk = (node) => {
    if (node.type === 'text') {
      parts.push(node.data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const tag = node.type === 'tag' ? node.name.toLowerCase() : '';
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of node.children || []) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts.join('').replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const RECYCLE = 100;

async function main() {
  const [peer, listPath, outDir] = process.argv.slice(2);
  if (!peer || !listPath || !outDir) {
    process.stderr.write('usage: node extract.mjs PEER LIST OUT_DIR\n');
    process.exit(64);
  }
  const extract = await makeExtractor(peer);
  const lines = fs.readFileSync(listPath, 'utf8').split('\n').filter((line) => line.length > 0);
  fs.mkdirSync(outDir, { recursive: true });
  const cpuPath = path.join(outDir, 'cpu.tsv');
  const done = new Set(
    fs.existsSync(cpuPath)
      ? fs.readFileSync(cpuPath, 'utf8').split('\n').map((line) => line.split('\t').slice(0, 2).join('\t'))
      : [],
  );
  let handled = 0;
  for (let index = 0; index < lines.length; index++) {
    const [dataset, id, htmlPath, pageUrl] = lines[index].split('\t');
    if (done.has(`${dataset}\t${id}`)) continue;
    // jsdom keeps several MB of every page alive even after window.close() (3.3 GB after 500
    // pages): a fresh process every RECYCLE pages keeps the heap, and with it the garbage
    // collector's share of the CPU time, the same from the first page to the last. Exit code 75
    // tells the harness to start it again (it resumes from cpu.tsv).
    if (peer === 'readability' && handled === RECYCLE) process.exit(75);
    handled += 1;
    const bytes = fs.readFileSync(htmlPath);
    const url = pageUrl || FALLBACK_URL;
    let text = '';
    let status = 'ok';
    const before = process.cpuUsage();
    try {
      text = await extract(bytes, url);
    } catch (error) {
      status = 'error';
      fs.mkdirSync(path.join(outDir, dataset), { recursive: true });
      fs.writeFileSync(path.join(outDir, dataset, `${id}.error.txt`), `${peer}: ${error && error.stack}\n`);
    }
    const used = process.cpuUsage(before);
    fs.mkdirSync(path.join(outDir, dataset), { recursive: true });
    if (status === 'ok') fs.writeFileSync(path.join(outDir, dataset, `${id}.json`), JSON.stringify({ text }));
    // cpu.tsv keeps every finished page's CPU time, so that a stopped run resumes where it was.
    fs.appendFileSync(cpuPath, `${dataset}\t${id}\t${used.user + used.system}\t${status}\n`);
    process.stdout.write(`@@page ${index} ${used.user + used.system} ${status}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack}\n`);
  process.exit(1);
});
